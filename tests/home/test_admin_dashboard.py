"""The admin's dashboard makes no request to another site: no Gravatar avatars, no Wagtail update check."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    """A superuser: the only kind of user Wagtail shows its update notice to."""
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="a-long-password")
    client.force_login(admin)
    return client


def test_admin_dashboard__shows_no_gravatar_and_no_update_check(staff_client):
    response = staff_client.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert "default-user-avatar" in html  # Wagtail's own avatar instead, served with the admin
    assert "w-upgrade" not in html
    assert "w-panel-upgrade" not in html


def test_admin_dashboard__would_show_both_under_wagtails_defaults(staff_client, settings):
    """The check above can fail: with Wagtail's defaults the dashboard has both."""
    del settings.WAGTAIL_GRAVATAR_PROVIDER_URL
    del settings.WAGTAIL_ENABLE_UPDATE_CHECK

    html = staff_client.get("/admin/").content.decode()

    assert "gravatar.com/avatar" in html
    assert "w-upgrade" in html
