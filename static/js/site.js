// Progressive enhancement only: without this file every link and form still works.
(function () {
  "use strict";

  // A form sent back with problems: the reader starts at the list of them, each a link to its field.
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) errorSummary.focus();

  var toggle = document.querySelector(".site-header__menu-toggle");
  var panel = document.getElementById("primary-navigation");
  if (!toggle || !panel) return;

  var narrow = window.matchMedia("(max-width: 47.99em)");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });

  // The button and the closed menu are drawn by the CSS from the first paint, so nothing is set up here. A window
  // narrowed (or zoomed in) to the phone layout starts with its menu closed.
  narrow.addEventListener("change", function () {
    setOpen(false);
  });
})();
