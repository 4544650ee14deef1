"""The admin's password reset says so when no mail can be sent, for any address.

Django's reset form logs a failed send and shows "the e-mail was sent" anyway; only an
existing account gets mail at all, so reporting that failure would tell an attacker the
address has an account. Here the mail server is tried before the form is accepted, for
every address alike: when it cannot be reached, the form says no mail can be sent now.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import PasswordResetForm

logger = logging.getLogger(__name__)


class HonestPasswordResetForm(PasswordResetForm):
    def clean(self):
        cleaned = super().clean()
        try:
            connection = get_connection(fail_silently=False)
            connection.open()
            connection.close()
        except Exception:  # every backend fails its own way; each means "no mail now"
            logger.warning("Password reset refused: the mail server cannot be reached", exc_info=True)
            raise ValidationError(
                _(
                    "E-mail cannot be sent at the moment, so no reset link can be sent. "
                    "Please try again later."
                ),
                code="mail_unavailable",
            ) from None
        return cleaned
