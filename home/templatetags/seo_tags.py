"""The <head> lines for search engines and link previews (home.structured_data)."""

from django import template

from home.structured_data import json_ld, og_locale

register = template.Library()


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "structured_data"):
        return {}
    # Filtered, paginated or sub-route addresses all name the address without its query.
    canonical = request.build_absolute_uri(request.path)
    on_page_itself = request.path == page.get_url(request)
    data = page.structured_data(request) if on_page_itself else None
    image = None
    if page.social_image_id:
        rendition = page.social_image.get_rendition("fill-1200x630|format-jpeg")
        image = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    return {
        "canonical": canonical,
        "title": page.seo_title or page.title,
        "description": page.social_text or page.meta_description,
        "image": image,
        "og_type": "article" if data and data.get("@type") == "Article" else "website",
        "og_locale": og_locale(page.locale.language_code),
        "json_ld": json_ld(data),
    }
