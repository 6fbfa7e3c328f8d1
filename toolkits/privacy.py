"""Keep Wagtail's page privacy in step with a toolkit's "members only" choice.

The editor ticks one box; what every view, listing, search and feed consults is Wagtail's own privacy (a
group restriction to the Members group), so that stays the single source of truth and the admin shows it.
"""

from members.gating import remove_members_restriction, restrict_to_members


def sync_members_only_restriction(page):
    """Create or remove the Members group restriction so that it matches `page.members_only`."""
    if page.members_only:
        restrict_to_members(page)
    else:
        remove_members_restriction(page)
