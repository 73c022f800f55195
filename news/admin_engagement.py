"""Admin for reader engagement: comment moderation and the daily views chart."""

import datetime

from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from humas_site.templatetags.humas_tags import angka

from .comments import count_links
from .models import ArticleComment, ArticleDailyView
from .services import comments_moderate

CHART_DAYS = 30


class CommentStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ArticleComment.State.choices

    def queryset(self, request, queryset):
        if self.value() in ArticleComment.State.values:
            return queryset.in_state(self.value())
        return queryset


@admin.register(ArticleComment)
class ArticleCommentAdmin(admin.ModelAdmin):
    list_display = [
        "user_name",
        "excerpt",
        "article_link",
        "submit_date",
        "status",
        "links",
    ]
    list_filter = [CommentStatusFilter, "submit_date"]
    search_fields = ["user_name", "user_email", "comment"]
    date_hierarchy = "submit_date"
    ordering = ["-submit_date"]
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50
    fields = [
        "user_name",
        "user_email",
        "comment",
        "article_link",
        "submit_date",
        "ip_address",
        "is_public",
        "is_removed",
        "is_spam",
    ]
    readonly_fields = ["article_link", "submit_date", "ip_address"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("content_object")

    def has_add_permission(self, request):
        return False  # comments come from readers

    def changelist_view(self, request, extra_context=None):
        pending = ArticleComment.objects.awaiting_moderation().count()
        title = ngettext(
            "Komentar — %(count)s menunggu moderasi",
            "Komentar — %(count)s menunggu moderasi",
            pending,
        ) % {"count": angka(pending)}
        return super().changelist_view(
            request, {"title": title, "pending_count": pending, **(extra_context or {})}
        )

    @admin.display(description=_("komentar"))
    def excerpt(self, comment):
        return Truncator(comment.comment).chars(80)

    @admin.display(description=_("berita"))
    def article_link(self, comment):
        article = comment.content_object
        if article is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', article.get_absolute_url(), article.title
        )

    @admin.display(description=_("status"))
    def status(self, comment):
        return comment.state.label

    @admin.display(description=_("tautan"))
    def links(self, comment):
        return count_links(comment.comment)

    def _moderate(self, request, queryset, state, message):
        count = comments_moderate(queryset, state)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Setujui komentar terpilih"), permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(
            request,
            queryset,
            ArticleComment.State.APPROVED,
            _("%(count)d komentar disetujui dan tampil di situs."),
        )

    @admin.action(description=_("Tolak komentar terpilih"), permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(
            request,
            queryset,
            ArticleComment.State.REJECTED,
            _("%(count)d komentar ditolak."),
        )

    @admin.action(description=_("Tandai sebagai spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(
            request,
            queryset,
            ArticleComment.State.SPAM,
            _("%(count)d komentar ditandai sebagai spam."),
        )


class DailyViewsFormSet(BaseInlineFormSet):
    """Read-only: the formset only carries the chart of the last 30 days.

    It has no forms and saves nothing, so a POST of the article form without
    its management form (older clients, tests, scripts) stays valid.
    """

    def is_valid(self):
        return True

    def has_changed(self):
        return False

    def save(self, commit=True):
        self.new_objects = self.changed_objects = self.deleted_objects = []
        return []

    def chart(self):
        today = timezone.localdate()
        first = today - datetime.timedelta(days=CHART_DAYS - 1)
        counts = {}
        if self.instance.pk:
            counts = dict(
                ArticleDailyView.objects.filter(
                    article=self.instance, date__gte=first
                ).values_list("date", "views")
            )
        peak = max(counts.values(), default=0)
        height, bar = 120, 20
        days = []
        for index in range(CHART_DAYS):
            day = first + datetime.timedelta(days=index)
            views = counts.get(day, 0)
            bar_height = round(views / peak * (height - 4)) if peak else 0
            days.append(
                {
                    "date": day,
                    "views": views,
                    "x": index * bar + 2,
                    "y": height - bar_height,
                    "height": bar_height,
                }
            )
        return {
            "days": days,
            "total": sum(counts.values()),
            "peak": peak,
            "width": CHART_DAYS * bar,
            "height": height,
        }


class ArticleDailyViewInline(admin.TabularInline):
    """Views per day for the last 30 days, as a bar chart and a table."""

    model = ArticleDailyView
    formset = DailyViewsFormSet
    template = "admin/news/article/daily_views.html"
    verbose_name_plural = _("dilihat per hari (30 hari terakhir)")
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["date", "views"]
    readonly_fields = ["date", "views"]

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_view_permission(self, request, obj=None):
        # Whoever may see the article sees its numbers.
        return request.user.has_perm("news.view_article") or request.user.has_perm(
            "news.change_article"
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
