"""Readability and schedules in the admin: the endpoint that measures the editor's unsaved
text (for home.readability.panels), and the page listing's columns for readability and for
what is scheduled to go live or expire."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import BaseColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, Revision

from home.readability import measure
from home.readability.models import PageReadability
from home.readability.panels import render_result


def forbidden():
    # A JSON answer: raised, PermissionDenied would become Wagtail's redirect to the dashboard.
    return JsonResponse({"error": "not allowed to edit this page"}, status=403)


@require_POST
def draft_readability(request, page_id=None, app_label=None, model_name=None, parent_page_id=None):
    """Measure the text of the edit form as posted, without saving anything."""
    if page_id is not None:
        page = get_object_or_404(Page, pk=page_id).get_latest_revision_as_object()
        if not page.permissions_for_user(request.user).can_edit():
            return forbidden()
        parent = page.get_parent()
    else:
        try:
            model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if model is None or not issubclass(model, Page):
            raise Http404
        parent = get_object_or_404(Page, pk=parent_page_id).specific
        if not parent.permissions_for_user(request.user).can_add_subpage():
            return forbidden()
        page = model(locale=parent.locale)
    if page.locale.language_code not in measure.LANGUAGES:
        raise Http404
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(request.POST, instance=page, for_user=request.user, parent_page=parent)
    try:
        result = measure.assess(measure.form_text(form), page.locale.language_code)
    except (KeyError, ValueError, TypeError):
        # Not posted by the editor's form (a StreamField's counts missing or not numbers).
        return JsonResponse({"error": "malformed form data"}, status=400)
    return JsonResponse(
        {
            "html": render_result(result, request),
            "too_hard": result.too_hard,
            "average_words": round(result.average_words, 1),
            "long_word_share": round(result.long_word_share, 3),
            "hardest": result.hardest,
        }
    )


class ReadabilityColumn(BaseColumn):
    """B1 or harder, from the figures kept when the page was last saved."""

    cell_template_name = "home/admin/readability_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        row = instance.kept_readability
        result = row.result() if row else None
        context.update(
            measured=row is not None and row.words >= measure.MIN_WORDS,
            result=result,
            share=round(result.long_word_share * 100) if result else 0,
        )
        return context


class ScheduleColumn(BaseColumn):
    """What is planned: the page (or a new version of it) going live, and its expiry."""

    cell_template_name = "home/admin/schedule_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        now = timezone.now()
        if instance.scheduled:  # a version approved to go live later
            go_live, expire = instance.scheduled
        else:
            go_live = instance.go_live_at if instance.go_live_at and instance.go_live_at > now else None
            expire = instance.expire_at
        context.update(go_live=go_live, expire=expire)
        return context


class EditorsIndexView(ExplorableIndexView):
    base_columns = [
        *ExplorableIndexView.base_columns,
        ReadabilityColumn("readability", label=_("Readability"), width="12%"),
        ScheduleColumn("schedule", label=_("Scheduled"), width="14%"),
    ]

    def get_table(self, object_list):
        # Two queries for the whole page of rows, not two per row.
        pages = list(object_list)
        ids = [page.pk for page in pages]
        kept = PageReadability.objects.in_bulk(ids)
        scheduled = {
            object_id: (go_live, parse_datetime(expire) if expire else None)
            for object_id, go_live, expire in Revision.page_revisions.filter(
                object_id__in=[str(pk) for pk in ids], approved_go_live_at__isnull=False
            ).values_list("object_id", "approved_go_live_at", "content__expire_at")
        }
        for page in pages:
            page.kept_readability = kept.get(page.pk)
            page.scheduled = scheduled.get(str(page.pk))
        return super().get_table(pages)


class EditorsPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the listing's two extra columns."""

    model = Page
    name = "editors_pages"
    index_view_class = EditorsIndexView
