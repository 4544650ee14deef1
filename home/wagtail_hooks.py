"""Wagtail hooks of the page foundation; each feature app registers its own."""

from wagtail import hooks

from home.rich_text import LocalizedPageLinkHandler


@hooks.register("register_rich_text_features", order=1)
def localized_page_links(features):
    # After Wagtail's own registration (order 0), so this handler replaces its page links.
    features.register_link_type(LocalizedPageLinkHandler)
