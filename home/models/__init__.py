from .base import BasePage
from .pages import ContentPage, HomePage

__all__ = ["BasePage", "ContentPage", "HomePage"]
