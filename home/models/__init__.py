from .base import BasePage, IndexPage
from .pages import ContentPage, HomePage
from .settings import SiteSettings

__all__ = [
    "BasePage",
    "IndexPage",
    "ContentPage",
    "HomePage",
    "SiteSettings",
]
