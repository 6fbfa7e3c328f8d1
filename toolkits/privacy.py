"""Keep Wagtail's page privacy in step with a toolkit's "members only" choice.

The editor ticks one box; what every view, listing, search and feed consults is Wagtail's own privacy (a
group restriction to the Members group), so that stays the single source of truth and the admin shows it.
"""

from django.db import transaction

from wagtail.models import PageViewRestriction

from members.access import members_group


def _members_only_restrictions(page, group):
    """Group restrictions on this page (not its ancestors) that name only the Members group."""
    restrictions = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.GROUPS
    ).prefetch_related("groups")
    return [r for r in restrictions if {g.pk for g in r.groups.all()} == {group.pk}]


@transaction.atomic
def sync_members_only_restriction(page):
    """Create or remove the Members group restriction so that it matches `page.members_only`."""
    group = members_group()
    existing = _members_only_restrictions(page, group)
    if page.members_only and not existing:
        others = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction = others.first()
        if restriction is None:
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(group)
    elif not page.members_only:
        for restriction in existing:
            restriction.delete()
    page.__dict__.pop("_view_restrictions", None)
