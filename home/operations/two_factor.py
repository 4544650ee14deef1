"""A second factor for the admin: TOTP codes from an authenticator app (django-otp).

Who needs one (`settings.TWO_FACTOR_GROUPS`, and superusers when
`TWO_FACTOR_FOR_SUPERUSERS`) reaches no admin page without it:
- signing in asks for the code next to the password once a device is set up; a wrong
  code counts as a failed sign-in for django-axes, as a wrong password does;
- someone who must have one and has none is taken to the set-up page after the
  password: a QR code (drawn by segno, nothing fetched) and the key to type in, then one
  code to confirm. Ten recovery codes are shown once, for a lost phone; each works once
  in place of a code. An administrator can also remove a user's devices with
  `manage.py reset_second_factor <username>`, after which the set-up page comes again.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import logout, user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

import django_otp
import segno
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def required_for(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.TWO_FACTOR_FOR_SUPERUSERS:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()


class TwoFactorLoginForm(LoginForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_(
            "Six digits, or one of your recovery codes. Leave empty if you have not set up a second factor."
        ),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is None or not user_has_device(user, confirmed=True):
            return cleaned
        device = match_token(user, (cleaned.get("otp_token") or "").replace(" ", ""))
        if device is None:
            # A wrong code is a failed sign-in: django-axes counts it and locks as it does.
            user_login_failed.send(
                sender=__name__, credentials={"username": user.get_username()}, request=self.request
            )
            raise ValidationError(_("The code is wrong or has expired."), code="otp_wrong")
        self.request._otp_device = device
        return cleaned


def _verify_session(sender, request, user, **kwargs):
    device = getattr(request, "_otp_device", None)
    if device is not None:
        django_otp.login(request, device)


user_logged_in.connect(_verify_session, dispatch_uid="aandeslag-otp-login")


class RequireSecondFactorMiddleware:
    """Below django-otp's middleware: an unverified session of someone who needs a second
    factor reaches only the set-up page and signing out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and request.path.startswith("/admin/")
            and not user.is_verified()
            and required_for(user)
            and request.path not in self._open_paths()
        ):
            if user_has_device(user, confirmed=True):
                # Signed in before the device was set up, or the session lost it: sign in again.
                logout(request)
                return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            return redirect("second_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _open_paths() -> set[str]:
        return {reverse("second_factor_setup"), reverse("wagtailadmin_logout"), reverse("wagtailadmin_login")}


class ConfirmForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def setup(request):
    """Set up a TOTP device: scan, confirm with one code, keep the recovery codes."""
    user = request.user
    if user_has_device(user, confirmed=True) and request.user.is_verified():
        return render(request, "home/admin/second_factor_done.html", {"page_title": _("Second factor")})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), confirmed=False
    )
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"].replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _recovery_codes(user)
            django_otp.login(request, device)
            return render(
                request,
                "home/admin/second_factor_codes.html",
                {"page_title": _("Second factor"), "codes": codes},
            )
        form.add_error("otp_token", _("The code is wrong or has expired."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "page_title": _("Set up a second factor"),
        "form": form,
        # No fixed size: the code takes the width of the sign-in card, so a phone shows all of it.
        "qr": qr.svg_inline(scale=4, omitsize=True, title=_("QR code for your authenticator app")),
        "key": _grouped(device.key),
    }
    return render(request, "home/admin/second_factor_setup.html", context)


def _recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def _grouped(hex_key: str) -> str:
    """The device key in base32, in groups of four, as authenticator apps ask to type it."""
    import base64

    text = base64.b32encode(bytes.fromhex(hex_key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def remove_devices(user) -> int:
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed
