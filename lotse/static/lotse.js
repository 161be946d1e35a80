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

  // A form with unsaved changes asks before the page is left (a link, another form, closing the tab).
  // Its own buttons ("Speichern", "Stimmt noch", "Öffnungszeiten prüfen") send the changes, so they pass.
  var guarded = document.querySelector(".js-unsaved-guard");
  if (guarded) {
    var snapshot = function () { return new URLSearchParams(new FormData(guarded)).toString(); };
    // A form shown again after "prüfen" or with errors holds what was typed, not what is stored.
    var saved = guarded.getAttribute("data-unsaved") ? "" : snapshot();
    var sending = false;
    var dirty = function () { return !sending && snapshot() !== saved; };
    guarded.addEventListener("submit", function () { sending = true; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty()) { event.preventDefault(); event.returnValue = ""; }
    });
    document.querySelectorAll(".js-leaves-form").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (dirty() && !window.confirm("Sie haben Änderungen, die noch nicht gespeichert sind. Trotzdem fortfahren? Die Änderungen gehen dann verloren.")) {
          event.preventDefault();
        } else {
          sending = true;
        }
      });
    });
  }
})();
