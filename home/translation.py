"""Translating pages and snippets through wagtail-localize, from a table of strings.

The demo loader uses the same path as an outside translator's PO file: the source is
exported as PO, the translations are filled in, imported, and the translation saved.
"""

from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

# Segments that stay as in the source: URL slugs (Latin in every language) and fixed keys.
KEPT_AS_SOURCE = {"slug", "key"}


def translation_for(instance, locale: Locale) -> Translation:
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


@transaction.atomic
def translate_with_table(instance, locale: Locale, table: dict[str, str]) -> list[str]:
    """Translate `instance` into `locale` with `table` (source text -> translation) and publish.

    Returns the source strings the table lacks; they stay in Dutch, so callers report them.
    Does nothing when the translation already exists: editors may have changed it since.
    """
    if instance.has_translation(locale):
        return []
    translation = translation_for(instance, locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgctxt in KEPT_AS_SOURCE or entry.msgid.isdigit():
            # Kept as in the source on purpose; filled in, so the translation counts as complete.
            entry.msgstr = entry.msgid
        elif entry.msgid in table:
            entry.msgstr = table[entry.msgid]
        else:
            missing.append(entry.msgid)
    translation.import_po(po, tool_name="demo loader")
    translation.save_target(publish=True)
    return missing
