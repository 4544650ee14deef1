"""What ties a municipality to its group and collection, whatever the page is called."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityRole(models.Model):
    """The editors' group and media collection of one municipality, keyed by CBS code.

    Made and renamed by `programme.roles.sync_municipality_group` when the page is
    published, so a renamed page keeps its group and a new page gets one.
    """

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="municipality_role")
    collection = models.OneToOneField("wagtailcore.Collection", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("municipality role")

    def __str__(self):
        return f"{self.cbs_code}: {self.group.name}"
