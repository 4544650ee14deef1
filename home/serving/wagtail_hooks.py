from django.utils import translation

from wagtail import hooks

from home.serving.views import not_available


@hooks.register("before_serve_page")
def refuse_silent_language_switch(page, request, serve_args, serve_kwargs):
    """Wagtail serves the Dutch page when a language has no tree of its own; say so instead."""
    if page.locale.language_code != translation.get_language():
        return not_available(request, page)
    return None
