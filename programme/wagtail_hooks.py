"""Snippets in the admin: list columns and filters that editors use to find them."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ActivityType, Organisation, Person, Province


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "abbreviation", "kind", "show_in_footer", "locale"]
    list_filter = ["kind", "show_in_footer", "locale"]
    search_fields = ["name", "abbreviation"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "email", "organisation", "locale"]
    list_filter = ["organisation", "locale"]
    search_fields = ["name", "role"]


class ActivityTypeViewSet(SnippetViewSet):
    model = ActivityType
    icon = "tag"
    list_display = ["name", "key", "pictogram", "locale"]
    list_filter = ["pictogram", "locale"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Listed and inspected, never added, changed or deleted: a fixed list from a migration."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    list_display = ["name", "code"]
    inspect_view_enabled = True


register_permission_policy(Province, ReadOnlyPermissionPolicy(Province))
for viewset in (OrganisationViewSet, PersonViewSet, ActivityTypeViewSet, ProvinceViewSet):
    register_snippet(viewset)
