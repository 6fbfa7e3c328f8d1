"""Demo content for the IMIX site, built with the same factories as the tests; see `manage.py seed_demo`."""

from .accounts import ensure_demo_admin, login_lines
from .artwork import Illustration, render_illustration
from .build import build_demo_site
from .seeder import DemoContentError, DemoSeeder, PageSpec
from .streams import Stream, link_value, page_link

__all__ = [
    "DemoContentError",
    "DemoSeeder",
    "Illustration",
    "PageSpec",
    "Stream",
    "build_demo_site",
    "ensure_demo_admin",
    "link_value",
    "login_lines",
    "page_link",
    "render_illustration",
]
