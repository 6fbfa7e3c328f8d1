"""Public forms that anyone may send (applying to join, sharing a story) accept only so many an hour from one
IP address, so a script cannot flood the people who read them.

The address is stored only as a keyed hash, and only in the cache, for the hour.
"""

import hashlib

from axes.helpers import get_client_ip_address

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


class HourlyLimit:
    def __init__(self, scope, setting_name):
        self.scope = scope
        self.setting_name = setting_name

    @property
    def limit(self):
        return getattr(settings, self.setting_name)

    def key(self, request):
        address = get_client_ip_address(request) or "unknown"
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
        return f"{self.scope}:from:{digest}"

    def exceeded(self, request):
        return cache.get(self.key(request), 0) >= self.limit

    def count(self, request):
        key = self.key(request)
        if not cache.add(key, 1, WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, WINDOW_SECONDS)
