"""Template side of the Content-Security-Policy (see home.operations.security)."""

from django import template

from home.operations.security import allow_frame as allow_frame_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def allow_frame(context, url):
    """Allow this page's response to frame `url`'s host; renders nothing."""
    request = context.get("request")
    if request is not None:
        allow_frame_for_request(request, url)
    return ""
