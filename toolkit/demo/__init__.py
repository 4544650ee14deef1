"""The demo site: its loader (`loader.py`), its checklist downloads (`pdf.py`) and the
prepared database that `make run` and the tests copy instead of loading it each time
(`prepared.py`)."""

from .loader import DemoLoader, translate_with_table, translation_for

__all__ = ["DemoLoader", "translate_with_table", "translation_for"]
