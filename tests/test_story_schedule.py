"""A story dated ahead goes live on its own day (scheduled), never before it."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

pytestmark = pytest.mark.django_db


def test_a_story_dated_ahead_needs_a_go_live_on_or_after_its_date(demo_page):
    story = demo_page("verhalen/helffer-kootkar-prijs")
    story.date = timezone.localdate() + datetime.timedelta(days=7)
    story.go_live_at = None
    with pytest.raises(ValidationError) as refused:
        story.clean()
    assert "date" in refused.value.message_dict
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)  # before its date: still refused
    with pytest.raises(ValidationError):
        story.clean()
    story.go_live_at = timezone.now() + datetime.timedelta(days=7)
    story.clean()


def test_a_scheduled_story_waits_for_its_day_in_the_list_and_the_feed(client, demo_page):
    story = demo_page("verhalen/helffer-kootkar-prijs")
    day = timezone.now() + datetime.timedelta(days=7)
    story.date = day.date()
    story.go_live_at = day
    story.full_clean()
    story.save_revision().publish()  # a future go-live schedules the revision
    story.refresh_from_db()
    listing = client.get("/nl/verhalen/").content.decode()
    feed = client.get("/nl/verhalen/feed/").content.decode()
    assert story.live_revision is None or story.live_revision.content["date"] != day.date().isoformat()
    assert day.date().isoformat() not in feed
    assert f'datetime="{day.date().isoformat()}"' not in listing
