"""factory_boy factories for every app, shared by the tests and the demo site (`manage.py seed_demo`).

One module per app: `home`, `members`, `news`, `toolkits`, `briefings`, `journeys`. Stories are made as drafts
and published only with `demo.factories.journeys.publish_through_review`, the way editors publish them.
Tests seed factory_boy's random generator (tests/conftest.py), so runs repeat.
"""
