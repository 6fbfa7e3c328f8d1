// Q&A toolkits, progressive enhancement only: without this file every answer still opens, prints and can be
// selected and copied by hand.
(function () {
  "use strict";
  var status = document.querySelector("[data-copy-status]");

  if (navigator.clipboard && status) {
    document.querySelectorAll("[data-copy-text]").forEach(function (answer) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button copy-answer";
      button.textContent = status.dataset.label;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(answer.textContent.trim()).then(
          function () {
            status.textContent = "";
            window.setTimeout(function () { status.textContent = status.dataset.copied; }, 50);
          },
          function () {
            status.textContent = status.dataset.failed;
          }
        );
      });
      answer.insertAdjacentElement("afterend", button);
    });
  }

  // Print every answer, whatever the browser's support for styling closed <details>.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
