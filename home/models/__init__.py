from .base import BasePage
from .pages import ContentPage, HomePage
from .settings import SiteSettings

__all__ = ["BasePage", "ContentPage", "HomePage", "SiteSettings"]
