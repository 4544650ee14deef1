"""Passwords an attacker would guess first for this site are refused.

`aandeslag2026` passes Django's own validators (long enough, not in its common list, not
like the user name), yet it is the first guess at this site's accounts. Refused are
passwords containing the site's name, the organisation's, or any municipality's in the
programme, whatever the case, spacing or digits around them.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.models import Site

ALWAYS = ("aandeslag", "pharos", "wagtail")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


class SiteWordsValidator:
    def words(self) -> set[str]:
        from .models import MunicipalityPage

        names = set(ALWAYS)
        names.update(Site.objects.values_list("site_name", flat=True))
        names.update(MunicipalityPage.objects.values_list("title", flat=True))
        # "Gemeente Utrecht" is refused for "utrecht"; short names ("Ede") are not words to ban.
        return {_letters(name.removeprefix("Gemeente ")) for name in names if name} - {""}

    def validate(self, password, user=None):
        letters = _letters(password)
        for word in self.words():
            if len(word) >= 4 and word in letters:
                raise ValidationError(
                    _("This password contains the name of the site, of Pharos or of a municipality."),
                    code="password_site_word",
                )

    def get_help_text(self):
        return _("Your password may not contain the name of the site, of Pharos or of a municipality.")
