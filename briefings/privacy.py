"""Briefings are for members only, whatever happens in the admin.

A BriefingIndexPage always carries a page view restriction to the Members group. It is created with the page
(in the admin, by a factory or by a copy: privacy is not copied with a page) and re-checked every time the
page is saved or published. The admin's privacy setting is switched off for briefing pages
(`private_page_options = []`), and if a restriction is deleted anyway (a hand-made request, the shell) it is
put back as soon as that change is committed.
"""

from wagtail.models import PageViewRestriction

from members.access import members_group


def ensure_members_only(page):
    """Make sure `page` has a group restriction that includes the Members group; returns that restriction.

    Other restrictions already on the page are left alone: each one only narrows who may see it.
    """
    group = members_group()
    restriction = (
        PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
        .order_by("pk")
        .first()
    )
    if restriction is None:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    if not restriction.groups.filter(pk=group.pk).exists():
        restriction.groups.add(group)
    return restriction
