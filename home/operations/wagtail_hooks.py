from django.urls import path

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt

from home.operations import two_factor
from home.operations.media_access import guard_document, scope_admin_api
from home.operations.users import LockoutViewSet, NoAddOrChangePolicy, guard_user_bulk_actions

hooks.register("before_bulk_action", guard_user_bulk_actions)
# After Wagtail's own registrations of the same endpoints (order), so ours replace them.
hooks.register("construct_admin_api", scope_admin_api, order=100)
hooks.register("before_serve_document", guard_document)


@hooks.register("register_admin_viewset")
def lockout_viewset():
    register_permission_policy(AccessAttempt, NoAddOrChangePolicy(AccessAttempt))
    return LockoutViewSet("lockouts")


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [path("second-factor/", two_factor.setup, name="second_factor_setup")]
