"""The shared body StreamBlock and its blocks. Every block has an icon and a template."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home import key_figures
from home.struct_values import ImageValue, LinkValue, VideoValue, video_embed_url

T = "components/streamfield/"


def field_error(field: str, message) -> StructBlockValidationError:
    """A validation error shown on one field of a struct block."""
    return StructBlockValidationError(block_errors={field: ValidationError(message)})


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        help_text=_("Use heading 2 for sections and heading 3 inside a section."),
    )

    class Meta:
        icon = "title"
        template = T + "heading_block.html"
        preview_value = {"text": "Zo werven jullie vrijwilligers", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required unless decorative."),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative only"),
        required=False,
        help_text=_(
            "Tick only when the image adds nothing to the text; it is then hidden from screen readers."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise field_error("alt_text", _("Describe the image, or mark it decorative."))
        return value

    class Meta:
        icon = "image"
        template = T + "image_block.html"
        value_class = ImageValue


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = T + "quote_block.html"
        preview_value = {"text": "Ik hoor er weer bij.", "attribution": "Deelnemer uit Utrecht"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or an address"), required=False)
    link_text = blocks.CharBlock(label=_("link text"), max_length=60)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise field_error("url", _("Choose a page or enter an address, not both."))
        return value

    class Meta:
        icon = "pick"
        template = T + "call_to_action_block.html"
        value_class = LinkValue


class KeyFigureBlock(blocks.StructBlock):
    """A figure is either counted from the site's pages, or an editor's figure that says
    where it comes from and when: never a number that silently disagrees with the pages."""

    counted = blocks.ChoiceBlock(
        label=_("counted from the pages"),
        choices=key_figures.CHOICES,
        required=False,
        help_text=_("Leave empty to enter a figure yourself, with its source and date."),
    )
    figure = blocks.CharBlock(
        label=_("figure"), max_length=20, required=False, default="", help_text=_("For example 27 or 80%.")
    )
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)
    source = blocks.CharBlock(
        label=_("source"),
        max_length=120,
        required=False,
        default="",
        help_text=_("Where the figure comes from."),
    )
    as_of = blocks.DateBlock(
        label=_("as of"), required=False, help_text=_("The date the figure is true for.")
    )

    class Meta:
        value_class = key_figures.KeyFigureValue

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("counted"):
            for name, message in (
                ("figure", _("Enter the figure, or choose one counted from the pages.")),
                ("source", _("Say where this figure comes from.")),
                ("as_of", _("Say when this figure was true.")),
            ):
                if not value.get(name):
                    errors[name] = ValidationError(message)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        template = T + "key_figures_block.html"


class DownloadsValue(blocks.StructValue):
    def language_autonym(self) -> str:
        from django.utils.translation import get_language_info

        return get_language_info(self.get("language") or "nl")["name_local"]


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))
    # A reader of a translated page is told when the files are in another language (most
    # checklists exist in Dutch only); links carry hreflang, titles their lang.
    language = blocks.ChoiceBlock(
        choices=settings.LANGUAGES,
        default="nl",
        required=False,
        label=_("language of the documents"),
    )

    class Meta:
        icon = "doc-full"
        template = T + "downloads_block.html"
        value_class = DownloadsValue


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    body = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "link", "ol", "ul"])
    tips = blocks.ListBlock(blocks.CharBlock(label=_("tip")), label=_("tips"), required=False, default=[])
    checklist = blocks.ListBlock(
        blocks.CharBlock(label=_("item")), label=_("checklist"), required=False, default=[]
    )

    class Meta:
        icon = "list-ol"
        template = T + "step_block.html"


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(StepBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        template = T + "steps_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ul"])


class QuestionsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionBlock(), **kwargs)

    class Meta:
        icon = "help"
        template = T + "questions_block.html"


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("YouTube or Vimeo address"))
    title = blocks.CharBlock(
        label=_("title"), max_length=120, help_text=_("Names the video for screen readers.")
    )
    transcript = blocks.TextBlock(label=_("summary or transcript"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value.get("url") or "") is None:
            raise field_error("url", _("Use a YouTube or Vimeo video address."))
        return value

    class Meta:
        icon = "media"
        template = T + "video_block.html"
        value_class = VideoValue


class BodyBlock(blocks.StreamBlock):
    """The one body block list every page type shares."""

    # Every block labelled through gettext: unlabelled, Wagtail shows the block's English
    # name ("Heading", "Image", "Quote") between the Dutch ones in the block menu.
    heading = HeadingBlock(label=_("heading"))
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template=T + "paragraph_block.html",
    )
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    call_to_action = CallToActionBlock(label=_("call to action"))
    key_figures = KeyFiguresBlock(label=_("key figures"))
    downloads = DownloadsBlock(label=_("downloads"))
    steps = StepsBlock(label=_("steps"))
    questions = QuestionsBlock(label=_("questions and answers"))
    video = VideoBlock(label=_("video"))

    class Meta:
        template = T + "body_block.html"
