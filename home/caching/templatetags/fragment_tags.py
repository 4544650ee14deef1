"""Parts of a page kept as rendered HTML between requests.

- `{% kept_block page.body "body" %}`: Wagtail's include_block, kept.
- `{% kept "name" %} ... {% endkept %}`: any part of a page that depends on nothing of the
  request but its host, language and consent answer (no query string, form or token).

What a page shows renders the same for every reader of a language with the same consent
answer (video blocks differ by it) until content changes, so the HTML is kept in the
`fragments` cache per host, page, name, language, consent answer and content version
(home.caching.state): a publish, or a saved snippet, image or setting, makes it stale with
everything else. A preview shows unsaved content and is always rendered afresh. A video
the visitor allowed lets the response frame its host (home.operations.security); that allowance is
kept with the HTML and given again on every response that shows it.
"""

import contextlib
import hashlib

from django import template
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.caching.state import content_version
from home.consent import consent_state

register = template.Library()


def _kept(context, name: str, render) -> str:
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or page.pk is None or getattr(request, "is_preview", False):
        return render()
    raw = "\n".join([request.get_host(), str(page.pk), name, get_language() or "", consent_state(request)])
    key = f"fragment:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"
    fragments = caches["fragments"]
    try:
        kept = fragments.get(key)
    except Exception:  # noqa: BLE001 - a cache outage renders the part, never breaks the page
        kept = None
    if kept is None:
        before = set(getattr(request, "_csp_frame_hosts", ()))
        html = str(render())
        kept = (html, sorted(set(getattr(request, "_csp_frame_hosts", ())) - before))
        with contextlib.suppress(Exception):  # kept next time, when the cache is back
            fragments.set(key, kept)
    html, frame_hosts = kept
    if frame_hosts:
        request._csp_frame_hosts = {*getattr(request, "_csp_frame_hosts", set()), *frame_hosts}
    return mark_safe(html)  # noqa: S308 - rendered by the (escaping) templates


@register.simple_tag(takes_context=True)
def kept_block(context, value, field: str):
    def render():
        if not hasattr(value, "render_as_block"):
            return value or ""
        return value.render_as_block(context=context.flatten())

    return _kept(context, f"block:{field}", render)


class KeptNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        return _kept(context, f"part:{self.name.resolve(context)}", lambda: self.nodelist.render(context))


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes one argument: the part's name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(parser.compile_filter(bits[1]), nodelist)
