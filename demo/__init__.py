"""The demo site: everything `manage.py seed_demo` builds, and the factories the tests build with.

Development only. This app is in INSTALLED_APPS under the development and test settings, never in production,
and it is the only code outside tests/ that may import factory_boy, Faker or wagtail-factories (which are in
requirements-dev.txt, not requirements.txt). Nothing outside demo/ and tests/ imports it;
tests/test_demo_is_development_only.py checks both.

- `build`: the whole demo site, in order; `seeder`: find-or-create for pages, images, documents and snippets;
  `streams`, `artwork`, `pdf`, `translation`: StreamField data, illustrations, PDFs and the French, Greek, Arabic
  and Persian versions made with wagtail-localize from the PO files in `translations/`.
- What each part of the site gets: `pages`, `illustrations`, `quotes`, `documents` and `site_settings` (the
  frame), `accounts` (the demo admin and everyone's logins), `members`, `news` and `posts`, `toolkits` and
  `guides`, `briefings`, `journeys` and `stories`.
- `factories`: factory_boy factories for every app, shared with the tests.
"""
