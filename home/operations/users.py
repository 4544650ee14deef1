"""User management in the admin that cannot be used to gain rights.

Wagtail lets anyone with the "change user" permission edit every account, superusers
included, and tick "Administrator". Here:
- only superusers see or change the superuser flag, and only they edit a superuser's
  account (password, e-mail, groups) or create one;
- everyone else may put people only in groups whose permissions they hold themselves.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from axes.models import AccessAttempt


def grantable_groups(user):
    """Groups whose every model permission `user` holds: the rights `user` may hand on."""
    if user.is_superuser:
        return Group.objects.all()
    held = user.get_all_permissions()
    groups = Group.objects.prefetch_related("permissions__content_type")
    allowed = [
        group.pk
        for group in groups
        if all(f"{p.content_type.app_label}.{p.codename}" in held for p in group.permissions.all())
    ]
    return Group.objects.filter(pk__in=allowed)


class GuardedUserFormMixin:
    def __init__(self, *args, request_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request_user is None or request_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = grantable_groups(request_user)


class GuardedUserCreationForm(GuardedUserFormMixin, UserCreationForm):
    pass


class GuardedUserEditForm(GuardedUserFormMixin, UserEditForm):
    pass


class PassRequestUserMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request_user": self.request.user}


class CreateView(PassRequestUserMixin, users.CreateView):
    pass


class EditView(PassRequestUserMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied


class NoAddOrChangePolicy(ModelPermissionPolicy):
    """Lock-outs are made by sign-in attempts only; an administrator views or deletes them."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


class LockoutViewSet(ModelViewSet):
    """The audit of sign-in lock-outs; deleting one lifts it (as `manage.py axes_reset_username`)."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lock-outs")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    inspect_view_enabled = True
    exclude_form_fields = ["user_agent", "path_info", "get_data", "post_data", "http_accept"]


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return GuardedUserEditForm if for_update else GuardedUserCreationForm
