"""Permission policies shared by admin areas of several apps."""

from wagtail.permission_policies import ModelPermissionPolicy


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """For records that only a public form creates (applications, story submissions): nobody adds one in the
    admin, not even a superuser."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions, **kwargs):
        return super().users_with_any_permission([action for action in actions if action != "add"], **kwargs)
