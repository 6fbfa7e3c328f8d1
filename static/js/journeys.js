// Human Journeys, progressive enhancement only: without this file the content warning's link still leads to
// the story, and every share link still works.
(function () {
  "use strict";

  // A story behind a content warning starts collapsed; the reader opens it when they choose to.
  var warning = document.querySelector("[data-content-warning]");
  var story = document.querySelector("[data-story-behind-warning]");
  var continueLink = warning && warning.querySelector("[data-continue-link]");
  if (warning && story && continueLink) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = continueLink.className;
    button.setAttribute("aria-controls", story.id);

    var setOpen = function (open, moveFocus) {
      story.hidden = !open;
      story.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? warning.dataset.hideLabel : warning.dataset.showLabel;
      if (open && moveFocus) story.focus();
    };

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      setOpen(open, open);
    });
    continueLink.replaceWith(button);
    // A reader who already chose to continue (a link to #story) sees the story straight away.
    setOpen(window.location.hash === "#" + story.id, false);
  }

  // "Copy link": shown only where the browser can copy, confirmed in a polite live region.
  var status = document.querySelector("[data-copy-status]");
  var copyButton = document.querySelector("[data-copy-link]");
  var copyItem = document.querySelector("[data-copy-item]");
  if (navigator.clipboard && window.isSecureContext && status && copyButton && copyItem) {
    copyItem.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(copyButton.dataset.copyLink).then(
        function () {
          status.textContent = "";
          window.setTimeout(function () { status.textContent = status.dataset.copied; }, 50);
        },
        function () {
          status.textContent = status.dataset.failed;
        }
      );
    });
  }
})();
