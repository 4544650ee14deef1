"""User management in the admin that cannot be used to gain rights.

Wagtail lets anyone with the "change user" permission edit every account, superusers
included, and tick "Administrator". Here, through one guard (`may_manage`, `may_grant`)
that the user forms, the edit and delete views and every bulk action on users pass:
- only superusers see or change the superuser flag, and only they edit, deactivate,
  delete or regroup a superuser's account, or create one;
- everyone else may put people only in groups whose every right they hold themselves:
  model permissions, and page and collection permissions on the same part of the tree.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from axes.models import AccessAttempt


def grantable_groups(user):
    """Groups whose every right `user` holds: the rights `user` may hand on.

    A model permission is held when `user` has it; a page or collection permission when
    one of `user`'s groups has the same permission on that page or collection or above it.
    """
    if user.is_superuser:
        return Group.objects.all()
    held = user.get_all_permissions()
    own_pages = {
        (p.permission_id, p.page.path)
        for p in GroupPagePermission.objects.filter(group__user=user).select_related("page")
    }
    own_collections = {
        (p.permission_id, p.collection.path)
        for p in GroupCollectionPermission.objects.filter(group__user=user).select_related("collection")
    }

    def covered(permission_id, path, own) -> bool:
        return any(pid == permission_id and path.startswith(own_path) for pid, own_path in own)

    groups = Group.objects.prefetch_related(
        "permissions__content_type", "page_permissions__page", "collection_permissions__collection"
    )
    allowed = [
        group.pk
        for group in groups
        if all(f"{p.content_type.app_label}.{p.codename}" in held for p in group.permissions.all())
        and all(covered(p.permission_id, p.page.path, own_pages) for p in group.page_permissions.all())
        and all(
            covered(p.permission_id, p.collection.path, own_collections)
            for p in group.collection_permissions.all()
        )
    ]
    return Group.objects.filter(pk__in=allowed)


def may_manage(actor, target) -> bool:
    """Whether `actor` may change, deactivate, delete or regroup `target`'s account."""
    return actor.is_superuser or not target.is_superuser


def may_grant(actor, group) -> bool:
    return grantable_groups(actor).filter(pk=group.pk).exists()


def guard_user_bulk_actions(request, action_type, objects, action_class_instance):
    """Every bulk action on users (assign role, set active state, delete, and any an
    upgrade adds) passes the guard, for every selected account, before anything changes."""
    if action_class_instance.model is not get_user_model():
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    role = form.cleaned_data.get("role") if form is not None else None
    # Every account selected, not only those the action kept: a selection that includes
    # one the actor may not touch is refused whole, so nothing changes half-way.
    ids = request.GET.getlist("id")
    selected = (
        get_user_model().objects.all()
        if "all" in ids
        else get_user_model().objects.filter(pk__in=[pk for pk in ids if pk.isdecimal()])
    )
    if not all(may_manage(request.user, target) for target in [*objects, *selected]) or (
        role is not None and not may_grant(request.user, role)
    ):
        # A response, not an exception: Wagtail's admin turns PermissionDenied into a
        # redirect, and this must say plainly that nothing was done.
        return HttpResponseForbidden(_("You may not change these accounts this way. Nothing was changed."))
    return None


class GuardedUserFormMixin:
    def __init__(self, *args, request_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request_user is not None and request_user.is_superuser:
            return
        # Fails closed: a view that does not say who is asking (an upgrade's new view)
        # gets the form of someone with no rights to hand on.
        self.fields.pop("is_superuser", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = (
                grantable_groups(request_user) if request_user is not None else Group.objects.none()
            )


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
        if not may_manage(request.user, self.object):
            raise PermissionDenied


class DeleteView(users.DeleteView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not may_manage(request.user, self.object):
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
    delete_view_class = DeleteView
    # Copying an account (Wagtail 7+) would be a second way to create one, superusers
    # included; creating one afresh is the way.
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return GuardedUserEditForm if for_update else GuardedUserCreationForm
