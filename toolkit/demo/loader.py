"""The demo loader: builds the site from the data in `demo/`, never overwriting edits.

- `demo/site.yaml`: site settings, snippets, documents, and what is translated into which
  languages; `demo/pages.yaml`: the Dutch page tree.
- `demo/translations/<code>.po`: the translations, keyed by the Dutch text. They go in by
  the path an outside translator's PO file takes: wagtail-localize exports the page's PO,
  the strings are filled in, imported, and the translation published.

In the data, `@page:<path>` names a page by its path below the home page (`@page:` is the
home page), `@doc:<title>` a document and `@<app.Model>:<key>` a Dutch snippet. Pages and
snippets are looked up by slug or key and created only when missing, so the loader may
run any number of times. A string without a translation stops it with an error.
"""

import contextlib
import hashlib
import uuid
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents.models import Document
from wagtail.fields import StreamField
from wagtail.models import Collection, Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import Translation, TranslationSource

import polib
import yaml
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler

from home.models import SiteSettings
from programme.models import Province
from programme.provinces import ensure_provinces

from .pdf import checklist_documents

DEMO_DIR = settings.BASE_DIR / "demo"
# Segments kept as in the source: URL slugs (Latin in every language) and fixed keys.
KEPT_AS_SOURCE = {"slug", "key"}


class DemoLoader:
    def __init__(self, directory=DEMO_DIR, render_checklists=checklist_documents):
        self.directory = directory
        self.render_checklists = render_checklists
        self.site = yaml.safe_load((directory / "site.yaml").read_text(encoding="utf-8"))
        self.tree = yaml.safe_load((directory / "pages.yaml").read_text(encoding="utf-8"))
        self.keys = {group["model"]: group["key"] for group in self.site["snippets"]}
        self.home = None

    def checklists(self) -> list[tuple[str, list[str]]]:
        """(title, lines) of every checklist document the demo has."""
        return [(spec["title"], spec["checklist"]) for spec in self.site["documents"]]

    def load(self) -> dict[str, list[str]]:
        """Load everything; return the source strings each language lacks a translation for.

        Each page is saved several times on its way in (created, revised, published, its
        translations synchronised): the search and reference indexes are written once at
        the end instead of after every save, which halves the time a load takes.
        """
        with disable_reference_index_auto_update(), _search_index_deferred():
            missing = self._load()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", stdout=_Quiet())
        return missing

    def _load(self) -> dict[str, list[str]]:
        with transaction.atomic():
            self.locales = {
                code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
            }
            self.dutch = self.locales[settings.LANGUAGE_CODE]
            root = self._ensure_roots()
            ensure_provinces(Province)
            self._load_snippets()
            self._load_documents()
            deferred = []
            self.home = self._load_page(root, self.tree, deferred)
            # Page references are set once every page exists, in a second revision.
            for page, fields in deferred:
                self._assign(page, fields)
                page.save_revision().publish()
            self._configure_site()
        # Not inside the transaction: wagtail-localize publishes each translation when its
        # own transaction commits, and a child's translation needs its parent's.
        return {code: self._translate(code) for code in self.locales if code != settings.LANGUAGE_CODE}

    # Structure ------------------------------------------------------------------------

    def _ensure_roots(self) -> Page:
        # A flushed test database has lost what Wagtail's migrations create.
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=self.dutch, live=True))
        # Wagtail's own migration leaves a "Welcome" page; the site's home replaces it.
        Page.objects.filter(depth=2, content_type__model="page", slug=self.tree["slug"]).delete()
        return root

    def _load_snippets(self) -> None:
        for group in self.site["snippets"]:
            model, key = apps.get_model(group["model"]), group["key"]
            for item in group.get("items", []):
                if not model.objects.filter(locale=self.dutch, **{key: item[key]}).exists():
                    model.objects.create(locale=self.dutch, **self._resolve(item))

    def _load_documents(self) -> None:
        existing = set(Document.objects.values_list("title", flat=True))
        specs = [spec for spec in self.site["documents"] if spec["title"] not in existing]
        if not specs:
            return
        files = self.render_checklists([(spec["title"], spec["checklist"]) for spec in specs])
        for spec, (extension, content) in zip(specs, files, strict=True):
            name = hashlib.sha1(spec["title"].encode(), usedforsecurity=False).hexdigest()[:10]
            document = Document(title=spec["title"], file_size=len(content))
            document.file.save(f"checklist-{name}.{extension}", ContentFile(content), save=False)
            document.file_hash = hashlib.sha1(content, usedforsecurity=False).hexdigest()
            document.save()

    def _load_page(self, parent: Page, spec: dict, deferred: list) -> Page:
        page = parent.get_children().filter(slug=spec["slug"]).first()
        if page is not None:
            page = page.specific
        else:
            fields = {name: value for name, value in spec.items() if name not in ("type", "children")}
            later = {name: value for name, value in fields.items() if _names_a_page(value)}
            page = apps.get_model(spec["type"])(locale=parent.locale if parent.depth > 1 else self.dutch)
            self._assign(page, {name: value for name, value in fields.items() if name not in later})
            parent.add_child(instance=page)
            page.save_revision().publish()
            if later:
                deferred.append((page, later))
        for child in spec.get("children", []):
            self._load_page(page, child, deferred)
        return page

    def _assign(self, instance, fields: dict) -> None:
        for name, value in fields.items():
            field = instance._meta.get_field(name)
            if field.one_to_many:  # a child relation (orderables such as AZC locations)
                model = field.related_model
                setattr(
                    instance, name, [model(**self._convert(model, self._resolve(item))) for item in value]
                )
            elif isinstance(field, StreamField):
                setattr(instance, name, _with_block_ids(self._resolve(value, as_pk=True)))
            else:
                setattr(instance, name, self._convert(type(instance), {name: self._resolve(value)})[name])

    @staticmethod
    def _convert(model, values: dict) -> dict:
        # YAML gives strings for decimals and dates; the model fields know their types.
        return {
            name: value
            if model._meta.get_field(name).is_relation
            else model._meta.get_field(name).to_python(value)
            for name, value in values.items()
        }

    def _configure_site(self) -> None:
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = base.port or (443 if base.scheme == "https" else 80)
        site, _created = Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base.hostname,
                "port": port,
                "root_page": self.home,
                "site_name": self.site["site"]["name"],
            },
        )
        site_settings = SiteSettings.for_site(site)
        if not site_settings.contact_email:
            site_settings.contact_email = self.site["site"]["contact_email"]
        for name, value in self.site["site"].items():
            # contact_page, privacy_page, ...: set where an editor has not chosen one
            if name.endswith("_page") and getattr(site_settings, f"{name}_id") is None:
                setattr(site_settings, name, self._resolve(value))
        site_settings.save()

    # References -----------------------------------------------------------------------

    def _resolve(self, value, *, as_pk: bool = False):
        """`value` with every `@...` reference replaced by the object (or its id)."""
        if isinstance(value, dict):
            return {key: self._resolve(item, as_pk=as_pk) for key, item in value.items()}
        if isinstance(value, list):
            return [self._resolve(item, as_pk=as_pk) for item in value]
        if not (isinstance(value, str) and value.startswith("@")):
            return value
        kind, _sep, key = value[1:].partition(":")
        if kind == "page":
            obj = Page.objects.get(url_path=f"{self.home.url_path}{key}/" if key else self.home.url_path)
            obj = obj if as_pk else obj.specific  # relations take the page's own class
        elif kind == "doc":
            obj = Document.objects.get(title=key)
        else:
            model = apps.get_model(kind)
            lookup = {"locale": self.dutch} if model is not Province else {}
            obj = model.objects.get(**lookup, **{self.keys[kind]: key})
        return obj.pk if as_pk else obj

    # Translations ---------------------------------------------------------------------

    def _translate(self, code: str) -> list[str]:
        catalog = polib.pofile(str(self.directory / "translations" / f"{code}.po"), encoding="utf-8")
        table = {entry.msgid: entry.msgstr for entry in catalog if entry.msgstr}
        missing = []
        for target in self.site["translate"]["all"] + self.site["translate"].get(code, []):
            for instance in self._translatables(target):
                missing += translate_with_table(instance, self.locales[code], table)
        return missing

    def _translatables(self, target: str) -> list:
        if target.startswith("@tree:"):
            section = self._resolve(f"@page:{target[6:]}")
            return [page.specific for page in section.get_descendants(inclusive=True).order_by("path")]
        if target.startswith("@"):
            return [self._resolve(target)]
        return list(apps.get_model(target).objects.filter(locale=self.dutch).order_by("pk"))


@contextlib.contextmanager
def _search_index_deferred():
    """modelsearch indexes an object after each save; `update_index` does it once after."""
    models = [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def _names_a_page(value) -> bool:
    if isinstance(value, dict):
        return any(_names_a_page(item) for item in value.values())
    if isinstance(value, list):
        return any(_names_a_page(item) for item in value)
    return isinstance(value, str) and value.startswith("@page:")


def _with_block_ids(value):
    """Stream data with an id on every block and list item, as Wagtail stores it.

    wagtail-localize only extracts list items stored with ids; the data files leave them out.
    """
    if isinstance(value, list):
        return [_with_block_ids(item) for item in value]
    if isinstance(value, dict):
        value = {key: _with_block_ids(item) for key, item in value.items()}
        if "type" in value and "value" in value and "id" not in value:
            value["id"] = str(uuid.uuid4())
    return value


def translation_for(instance, locale: Locale) -> Translation:
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


@transaction.atomic
def translate_with_table(instance, locale: Locale, table: dict[str, str]) -> list[str]:
    """Translate `instance` into `locale` with `table` (source text -> translation), publish it,
    and return the source strings the table lacks. Leaves an existing translation alone:
    editors may have changed it since."""
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
