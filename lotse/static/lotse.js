/* Lotse pages: small improvements on top of pages that work fully without JavaScript. */
(function () {
  "use strict";

  // Land screen-reader and keyboard users on the answer (or the error summary) after a form was sent.
  var first = document.querySelector(".js-focus-first");
  if (first) first.focus();

  // Remaining characters of the situation text.
  var situation = document.getElementById("feld-situation");
  var counter = document.getElementById("situation-count");
  if (situation && counter) {
    var max = parseInt(counter.getAttribute("data-max"), 10) || 2000;
    var update = function () {
      counter.textContent = "Noch " + (max - situation.value.length) + " von " + max + " Zeichen.";
    };
    situation.addEventListener("input", update);
    update();
  }

  // How many offers are picked for the Laufzettel; sending none gets a hint instead of an error page.
  var pickForm = document.querySelector(".js-pick-form");
  if (pickForm) {
    var status = pickForm.querySelector(".js-pick-count");
    var picked = function () {
      var ids = {};
      pickForm.querySelectorAll('input[name="angebot"]:checked').forEach(function (box) { ids[box.value] = true; });
      return Object.keys(ids).length;
    };
    var say = function () {
      var n = picked();
      status.textContent = n === 0 ? "Noch kein Angebot ausgewählt." : n === 1 ? "1 Angebot ausgewählt." : n + " Angebote ausgewählt.";
    };
    pickForm.addEventListener("change", say);
    pickForm.addEventListener("submit", function (event) {
      if (picked() === 0) {
        event.preventDefault();
        status.textContent = "Bitte wählen Sie mindestens ein Angebot für den Laufzettel aus.";
        var box = pickForm.querySelector('input[name="angebot"]');
        if (box) box.focus();
      }
    });
  }

  // Print button on the Laufzettel (without JavaScript the page says how to print).
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll(".js-hide").forEach(function (node) { node.hidden = true; });
})();
