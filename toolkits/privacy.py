"""Keep Wagtail's page privacy in step with a toolkit's "members only" choice.

The editor ticks one box; what every view, listing, search and feed consults is Wagtail's own privacy (a
group restriction to the Members group), so that stays the single source of truth and the admin shows it.

The box is read on the source page only (the version in the default language). A translation takes its
privacy from the source (home.translation_privacy) and its box is set to the source's, so the French version
of a members-only toolkit is members-only, says so, and carries one restriction, not one from the box plus
the one Wagtail copies when translating.
"""

from home.translation_privacy import follow_source
from members.gating import remove_members_restriction, restrict_to_members


def sync_members_only_restriction(page):
    """Create or remove the Members group restriction so that it matches `page.members_only`."""
    if follow_source(page):
        return
    if page.members_only:
        restrict_to_members(page)
    else:
        remove_members_restriction(page)


def follow_source_members_only(sender, source, translation, **kwargs):
    """A translation's "members only" box says what its source's says (it shows the lock on cards)."""
    from .models import ToolkitPage

    flag = ToolkitPage.objects.filter(pk=source.pk).values_list("members_only", flat=True).first()
    if flag is not None:
        ToolkitPage.objects.filter(pk=translation.pk).exclude(members_only=flag).update(members_only=flag)
