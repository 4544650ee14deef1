from wagtail import hooks
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt

from home.operations.users import LockoutViewSet, NoAddOrChangePolicy, guard_user_bulk_actions

hooks.register("before_bulk_action", guard_user_bulk_actions)


@hooks.register("register_admin_viewset")
def lockout_viewset():
    register_permission_policy(AccessAttempt, NoAddOrChangePolicy(AccessAttempt))
    return LockoutViewSet("lockouts")
