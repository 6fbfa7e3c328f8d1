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
        }

- The function is called with the ``request`` on every dashboard view, only for a signed-in person who is a
  member now (``members.access.is_member``), so it need not check access again; it must still list only what
  the member may see (``.live()`` pages, restrictions honoured).
- It returns a dict with ``template`` (rendered with the page's context plus ``context``; it should render
  one ``<section>`` with an ``<h2>``), ``context`` (a dict) and ``order`` (panels are shown by ascending
  order; members' own profile and preferences come after the panels), or ``None`` to show nothing.
- Keep it cheap: a panel runs a small, fixed number of queries, whatever the member's history.
- Personal data: a person who leaves the network is deleted; rows that only count things for them (such as
  downloads) should point at the user with ``on_delete=models.SET_NULL`` so the anonymous counts remain.

``members/includes/dashboard_panel.html`` is a ready-made panel: give it ``heading``, ``items`` (each with
``title``, ``url`` and an optional ``meta``), and optionally ``empty_text``, ``more_url`` and ``more_text``.

Orders used so far: 100 latest press briefings, 200 new or updated toolkits, 300 your downloads.
"""

from wagtail import hooks

HOOK_NAME = "register_member_dashboard_panel"


def dashboard_panels(request):
    panels = []
    for function in hooks.get_hooks(HOOK_NAME):
        panel = function(request)
        if panel:
            panels.append(
                {"template": panel["template"], "context": panel.get("context") or {}, "order": panel.get("order", 0)}
            )
    return sorted(panels, key=lambda panel: panel["order"])
