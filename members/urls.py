from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import SignInForm

app_name = "members"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("apply/", views.apply, name="apply"),
    path("apply/thank-you/", views.apply_done, name="apply_done"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="members/sign_in.html", authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="sign_in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign_out"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="members/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path("set-password/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path(
        "set-password/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="members/set_password_done.html"),
        name="set_password_done",
    ),
    path("leave/", views.leave, name="leave"),
    path("leave/done/", views.left, name="left"),
]
