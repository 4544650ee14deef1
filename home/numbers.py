"""Whole numbers from what a visitor typed, without the traps of `str.isdigit()`.

`"²".isdigit()` and `"٣".isdigit()` are true, and `int("²")` raises: a check with
`isdigit()` followed by `int()` answers 500 to a superscript digit in a query string.
Only ASCII digits (with an optional leading minus) are numbers here.
"""

import re

WHOLE = re.compile(r"-?[0-9]{1,18}")


def whole_number(raw: str | None) -> int | None:
    """The number `raw` spells in ASCII digits, or None for anything else."""
    if raw is None:
        return None
    raw = raw.strip()
    return int(raw) if WHOLE.fullmatch(raw) else None
