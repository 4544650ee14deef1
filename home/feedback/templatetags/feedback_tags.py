from django import template

from ..forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("home/feedback/box.html")
def feedback_box(page, section):
    """The "Mis je hier iets?" box for `page` (a newcomer page, or the home page of the
    language for search results): the same for every reader, so the page stays cacheable."""
    return {"form": FeedbackForm(initial={"page": page.pk, "section": section})}
