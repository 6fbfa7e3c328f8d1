"""What the rest of the site may listen to when page privacy changes."""

from django.dispatch import Signal

# Sent once a change of page privacy is committed, with `pages`: every page whose privacy changed (in every
# language, aliases and descendants included), as plain Page instances ordered by path. A cache purges these
# pages' URLs (and the listings, feeds and sitemap that show them).
privacy_changed = Signal()
