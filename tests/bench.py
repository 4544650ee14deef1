"""`make bench`: query counts and page weight per page type, as ratios measured in one run.

For each page type the page is rendered, then the content it lists is multiplied, and the
page rendered again. A ratio of 1.00 means the queries do not grow with the content.
Page weight is the gzip size of the HTML plus the stylesheets it links, against the 50 KB
budget. Nothing here is timed: the figures do not depend on the machine.
"""

import gzip
import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 50 * 1024


def measure(client, path):
    client.get(path)  # warm per-process caches, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    css = b"".join((ROOT / "static/css" / name).read_bytes() for name in ("site.css",))
    weight = len(gzip.compress(response.content)) + len(gzip.compress(css))
    return len(queries), weight


def grow() -> None:
    """Ten times more of what the pages list: case studies, guides, figures, municipalities."""
    from wagtail.models import Page

    from tests.factories import (
        CaseStudyPageFactory,
        GuidePageFactory,
        MunicipalityPageFactory,
        YearlyFigureFactory,
    )

    def page(path):
        return Page.objects.get(url_path=f"/home/{path}/").specific

    factor = page("succesfactoren/laagdrempelig")
    nijmegen = page("gemeenten/nijmegen")
    for _ in range(10):
        CaseStudyPageFactory(parent=nijmegen, success_factors=[factor])
        GuidePageFactory(parent=page("handreikingen"), success_factors=[factor])
        YearlyFigureFactory(page=nijmegen)
        MunicipalityPageFactory(parent=page("gemeenten"))


PAGES = [
    ("home", "/nl/"),
    ("programme", "/nl/over-aan-de-slag/"),
    ("success factor index", "/nl/succesfactoren/"),
    ("success factor", "/nl/succesfactoren/laagdrempelig/"),
    ("municipality index", "/nl/gemeenten/"),
    ("municipality", "/nl/gemeenten/nijmegen/"),
    ("case study", "/nl/gemeenten/nijmegen/samen-in-het-groen-nijmegen/"),
    ("story index", "/nl/verhalen/"),
    ("story", "/nl/verhalen/koning-bezoekt-aan-de-slag/"),
    ("guide index", "/nl/handreikingen/"),
    ("guide", "/nl/handreikingen/matchen/"),
    ("newcomer index (ti)", "/ti/nieuwkomers/"),
    ("newcomer page (ar)", "/ar/nieuwkomers/wat-is-vrijwilligerswerk/"),
    ("newcomer poster (ti)", "/ti/nieuwkomers/wat-is-vrijwilligerswerk/poster/"),
]


def main() -> int:
    setup_test_environment()
    from django.conf import settings

    old_name = connection.settings_dict["NAME"]
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))  # noqa: SIM115
        client = Client()
        before = {name: measure(client, path) for name, path in PAGES}
        grow()
        after = {name: measure(client, path) for name, path in PAGES}
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"{'page type':24} {'queries':>8} {'after x10':>10} {'ratio':>6} {'gzip KB':>8} {'of budget':>10}")
    failed = False
    for name, _path in PAGES:
        q0, w0 = before[name]
        q1, _w1 = after[name]
        ratio = q1 / q0
        share = w0 / BUDGET
        failed |= ratio > 1.0 or share > 1.0
        print(f"{name:24} {q0:8d} {q1:10d} {ratio:6.2f} {w0 / 1024:8.1f} {share:9.0%}")
    print(f"database: {test_db} ({settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
