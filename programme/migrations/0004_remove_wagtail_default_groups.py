"""Wagtail's default "Editors" and "Moderators" groups stand beside this site's roles and
"Moderators" may publish anywhere; an admin picking a role would easily pick the wrong one.
Their members move to "Moderatoren" (Wagtail's moderators) or lose the group (Wagtail's
editors, whose rights no role of this site matches); then both groups go."""

from django.db import migrations


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, successor in (("Moderators", "Moderatoren"), ("Editors", None)):
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if successor:
            target, _created = Group.objects.get_or_create(name=successor)
            for user in group.user_set.all():
                user.groups.add(target)
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_municipality_role"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
