"""The members' pages on the site: apply, dashboard, leave the network, and the password pages."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.rate_limits import HourlyLimit

from .access import has_admin_access, is_member
from .dashboard import dashboard_sections, record_dashboard_visit
from .decisions import leave_network, submit_application
from .forms import ApplicationForm, MemberPasswordResetForm, ProfileForm
from .gating import visitor_state

APPLICATIONS_PER_ADDRESS = HourlyLimit("members:applications", "MEMBERS_APPLICATIONS_PER_HOUR")


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    rate_limited = False
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if form.is_spam:
            # Robots get the same page as people, and nothing is saved or sent.
            return redirect("members:apply_done")
        if APPLICATIONS_PER_ADDRESS.exceeded(request):
            rate_limited = True
        elif form.is_valid():
            APPLICATIONS_PER_ADDRESS.count(request)
            submit_application({**form.application_fields(), "language": request.LANGUAGE_CODE})
            return redirect("members:apply_done")
    else:
        form = ApplicationForm()
    status = 429 if rate_limited else (400 if form.is_bound else 200)
    return render(request, "members/apply.html", {"form": form, "rate_limited": rate_limited}, status=status)


def apply_done(request):
    return render(request, "members/apply_done.html")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def dashboard(request):
    user = request.user
    state = visitor_state(user)
    if state != "member":
        # Not (or no longer) a member: the page explains why and what to do, and changes nothing.
        return render(request, "members/dashboard.html", {"visitor_state": state})
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your details have been saved."))
            return redirect("members:dashboard")
        user.refresh_from_db()  # the header and greeting show the saved name, not the rejected one
    since = record_dashboard_visit(user)
    context = {"visitor_state": state, "form": form, "since": since, **dashboard_sections(request, since)}
    return render(request, "members/dashboard.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def leave(request):
    user = request.user
    staff = has_admin_access(user)
    if request.method == "POST" and not staff:
        leave_network(user)
        logout(request)
        return redirect("members:left")
    return render(request, "members/leave.html", {"staff": staff, "is_member": is_member(user)})


def left(request):
    return render(request, "members/left.html")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "members/password_reset.html"
    email_template_name = "members/emails/password_reset.txt"
    subject_template_name = "members/emails/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_sent")


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The link in the approval and password-reset emails: choose a password, then sign in."""

    template_name = "members/set_password.html"
    success_url = reverse_lazy("members:set_password_done")
