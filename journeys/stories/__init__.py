"""Stories: the Human Journeys index, the story pages, themes, their blocks, feeds and templates.

The lowest layer of journeys: it imports no other part of it but `journeys.team`. What the consent records and
the Safeguarding review add to a story (its status panel, its workflow, the checks before publishing) they
register through the hooks named in `journeys.stories.hooks`.
"""
