from .base import BasePage, IndexPage
from .pages import ContentPage, HomePage
from .readability import PageReadability
from .reading import PageViewCount
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "IndexPage",
    "ContentPage",
    "HomePage",
    "PageReadability",
    "PageViewCount",
    "SiteSettings",
]
