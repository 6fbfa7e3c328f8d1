"""The member dashboard's extension point: other apps add panels without members importing them.

Contract
--------
Register a function under the Wagtail hook ``"register_member_dashboard_panel"`` in your app's
``wagtail_hooks.py``::

    @hooks.register("register_member_dashboard_panel")
    def latest_briefings_panel(request):
        return {
            "template": "briefings/includes/dashboard_panel.html",
            "context": {"briefings": ...},
            "order": 100,
            "updates": [...],
            "actions": [...],
        }

- The function is called with the ``request`` on every dashboard view, only for a signed-in person who is a
  member now (``members.access.is_member``), so it need not check access again; it must still list only what
  the member may see (``.live()`` pages, restrictions honoured), and only pages in the reader's language
  (``home.locales.active_locale_id()``), as every other listing on the site does.
- It returns a dict, or ``None`` to show nothing. Every key is optional:

  - ``template`` (rendered with the page's context plus ``context``; it should render one ``<section>`` with
    an ``<h2>``), ``context`` (a dict) and ``order`` (panels are shown by ascending order; members' own
    profile and preferences come after the panels). Without ``template`` the function adds no panel.
  - ``updates``: what was published after ``dashboard_since(request)`` (or, when that is ``None``, on the
    member's first visit, the few most recent), for "New since your last visit". Each is a dict with
    ``title``, ``url``, ``kind`` (what it is, for the reader: "Press briefing"), ``published_at`` (an aware
    datetime), and ``language``: the language code of its content when that is not the reader's (an
    untranslated page), else ``""``. The dashboard merges every app's updates, newest first.
  - ``actions``: things the member can do next, each a dict with ``text``, ``url`` (the page that does it)
    and ``order``. Only actions the site supports, and only while they are still to do.

- Keep it cheap: a panel runs a small, fixed number of queries, whatever the member's history.
- Personal data: a person who leaves the network is deleted; rows that only count things for them (such as
  downloads) should point at the user with ``on_delete=models.SET_NULL`` so the anonymous counts remain.

``members/includes/dashboard_panel.html`` is a ready-made panel: give it ``heading``, ``items`` (each with
``title``, ``url`` and an optional ``meta``), and optionally ``empty_text``, ``more_url`` and ``more_text``.

Orders used so far: 10 latest press briefings, 300 your organisation's downloads. Actions: 10 today's
briefing, 100 the profile, 150 the briefing email, 200 colleagues.
"""

import datetime

from django.utils import timezone
from django.utils.translation import get_language

from wagtail import hooks

from home.locales import active_locale_id, content_language, with_content_locale
from home.templatetags.languages import language_direction

from .models import User

HOOK_NAME = "register_member_dashboard_panel"

# Dashboard views closer together than this are one visit: reloading the page, or saving the profile on it,
# must not empty "New since your last visit" before the member has read it.
VISIT_GAP = datetime.timedelta(hours=1)
MAX_UPDATES = 8
SINCE_ATTRIBUTE = "_dashboard_since"


def record_dashboard_visit(user, now=None):
    """Note this dashboard view and answer what "since your last visit" means for it (None on a first visit).

    A visit is a run of views less than VISIT_GAP apart. A view that starts a new visit moves
    `dashboard_new_since` to the last view of the visit before; a view within the visit keeps it. One UPDATE,
    which sends no signal: neither field has anything to do with membership.
    """
    now = now or timezone.now()
    if user.dashboard_seen_at is None:
        since = None
    elif now - user.dashboard_seen_at >= VISIT_GAP:
        since = user.dashboard_seen_at
    else:
        since = user.dashboard_new_since
    User.objects.filter(pk=user.pk).update(dashboard_seen_at=now, dashboard_new_since=since)
    user.dashboard_seen_at, user.dashboard_new_since = now, since
    return since


def dashboard_since(request):
    """For panels: the end of the member's previous visit, or None on their first (see record_dashboard_visit)."""
    return getattr(request, SINCE_ATTRIBUTE, None)


def dashboard_sections(request, since):
    """Every app's panels, updates and actions for this view, each in the order it is shown."""
    setattr(request, SINCE_ATTRIBUTE, since)
    panels, updates, actions = [], [], []
    for function in hooks.get_hooks(HOOK_NAME):
        panel = function(request)
        if not panel:
            continue
        if panel.get("template"):
            panels.append(
                {"template": panel["template"], "context": panel.get("context") or {}, "order": panel.get("order", 0)}
            )
        for update in panel.get("updates") or []:
            updates.append(
                {**update, "direction": language_direction(update["language"]) if update["language"] else ""}
            )
        actions.extend(panel.get("actions") or [])
    updates.sort(key=lambda update: update["published_at"], reverse=True)
    return {
        "panels": sorted(panels, key=lambda panel: panel["order"]),
        "updates": updates[:MAX_UPDATES],
        "actions": sorted(actions, key=lambda action: action.get("order", 0)),
    }


def recent_pages(pages, request, limit=MAX_UPDATES):
    """The live pages of `pages` in the reader's language published after the previous visit, newest first.

    On a first visit, simply the newest. "In the reader's language" is the locale's own tree, as in every
    listing on the site: a translation, or an alias that stands in for a page not translated yet (its content
    is in its original's language, which `page_update` passes on so the dashboard can mark it).
    """
    locale_id = active_locale_id()
    if locale_id is None:
        return []
    pages = with_content_locale(pages.live().filter(locale_id=locale_id)).order_by("-last_published_at", "-pk")
    since = dashboard_since(request)
    if since is not None:
        pages = pages.filter(last_published_at__gt=since)
    return list(pages[:limit])


def page_update(page, request, kind):
    """One entry of "New since your last visit" for a page fetched by `recent_pages`."""
    language = content_language(page) or ""
    return {
        "title": page.title,
        "url": page.get_url(request),
        "kind": kind,
        "published_at": page.last_published_at,
        "language": "" if language == get_language() else language,
    }
