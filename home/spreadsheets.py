"""Cells that a spreadsheet program would run as formulas are written as text.

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a
formula to Excel and LibreOffice: `=HYPERLINK(...)` in a page title or a form answer would
become a live link, or worse, in the editor's spreadsheet. Every CSV the site or its admin
writes passes its cells through `safe_cell`, which puts a `'` in front, as OWASP advises:
the program then shows the text as it was typed.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row):
    if isinstance(row, dict):
        return {key: safe_cell(value) for key, value in row.items()}
    return [safe_cell(value) for value in row]


def writer(out, **kwargs):
    """A csv.writer whose every cell goes through `safe_cell`."""
    return _SafeWriter(csv.writer(out, **kwargs))


class _SafeWriter:
    def __init__(self, inner):
        self._inner = inner

    def writerow(self, row):
        return self._inner.writerow(safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def install() -> None:
    """Every CSV export of Wagtail's admin (reports, form submissions, listings) turns its
    values into cells with SpreadsheetExportMixin.preprocess_field_value: its cells pass
    `safe_cell` too. (Its XLSX export already stores formulas as text.)"""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
