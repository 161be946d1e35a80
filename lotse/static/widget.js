/* Lotse-Suchfeld für fremde Websites: <script src="https://lotse.example/widget.js" data-district="ost" defer></script>
 * Renders in a shadow root (host styles stay out, ours stay in), talks only to the Lotse that served this file,
 * sends no cookies (credentials: "omit"), stores nothing, and writes offer text with textContent only. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || !window.fetch || !Element.prototype.attachShadow) return;
  var base = script.src.replace(/\/widget\.js(?:[?#].*)?$/, "");
  var preset = {
    district: script.getAttribute("data-district") || "",
    need: script.getAttribute("data-need") || "",
    accessibility: script.getAttribute("data-accessibility") || ""
  };
  var PER_PAGE = 10;
  var TIMEOUT_MS = 10000;
  var UNAVAILABLE = "Die Suche ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.";
  var CSS = [
    ":host{all:initial;display:block;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a}",
    "*{box-sizing:border-box}",
    ".box{border:2px solid #0b5394;border-radius:6px;padding:1rem;background:#fff;color:#1a1a1a;max-width:48rem}",
    "h2{font-size:1.25rem;margin:0 0 .75rem;color:#073763}",
    "h3{font-size:1.05rem;margin:0 0 .25rem}",
    "label{display:block;font-weight:700;margin-bottom:.25rem}",
    ".row{display:flex;flex-wrap:wrap;gap:.5rem}",
    "input{flex:1 1 12rem;font:inherit;color:#1a1a1a;background:#fff;border:2px solid #767676;border-radius:4px;padding:.45rem .6rem;min-height:2.75rem}",
    "button{font:inherit;font-weight:700;color:#fff;background:#0b5394;border:2px solid #0b5394;border-radius:4px;padding:.45rem 1rem;min-height:2.75rem;cursor:pointer}",
    "button:hover{background:#073763}",
    "button.more{color:#0b5394;background:#fff;margin-top:.5rem}",
    "a{color:#0b5394}",
    ":focus-visible{outline:3px solid #f9a825;outline-offset:2px;box-shadow:0 0 0 5px #1a1a1a}",
    ".status{margin:.75rem 0;font-weight:700}",
    ".status.error{color:#8a1c1c}",
    "ol{list-style:none;margin:0;padding:0}",
    "li{border-top:1px solid #8c8c8c;padding:.75rem 0}",
    "p{margin:.15rem 0}",
    ".org,.foot{color:#4a4a4a}",
    ".open{color:#1b5e20;font-weight:700}",
    ".foot{font-size:.9rem;margin-top:.75rem}",
    "label.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.5rem 0 0}",
    "label.check input{flex:none;width:1.25rem;height:1.25rem;min-height:0;margin:0}",
    "[hidden]{display:none!important}"
  ].join("\n");

  var count = 0;
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  function mount() {
    var host = el("div", "lotse-widget");
    var target = script.getAttribute("data-target") && document.getElementById(script.getAttribute("data-target"));
    if (target) target.appendChild(host);
    else if (script.parentNode && script.parentNode !== document.head) script.parentNode.insertBefore(host, script.nextSibling);
    else document.body.appendChild(host);
    var root = host.attachShadow({ mode: "open" });
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      // A constructed sheet needs no <style> element, so a strict Content-Security-Policy of the host allows it.
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el("style", null, CSS));
    }
    count += 1;
    var id = "lotse-q-" + count;
    var box = el("section", "box");
    box.setAttribute("lang", "de");
    box.setAttribute("aria-labelledby", id + "-h");
    var heading = el("h2", null, "Hilfe in Ihrer Nähe finden");
    heading.id = id + "-h";
    var form = el("form");
    form.setAttribute("role", "search");
    form.setAttribute("aria-labelledby", id + "-h");
    var label = el("label", null, "Wobei brauchen Sie Hilfe?");
    label.htmlFor = id;
    var row = el("div", "row");
    var input = el("input");
    input.type = "search";
    input.id = id;
    input.name = "q";
    input.maxLength = 200;
    input.autocomplete = "off";
    var button = el("button", null, "Suchen");
    button.type = "submit";
    row.appendChild(input);
    row.appendChild(button);
    var stepFree = el("input");
    stepFree.type = "checkbox";
    stepFree.checked = preset.accessibility === "step_free";
    var stepFreeLabel = el("label", "check");
    stepFreeLabel.appendChild(stepFree);
    stepFreeLabel.appendChild(document.createTextNode("Nur mit stufenlosem Zugang"));
    form.appendChild(label);
    form.appendChild(row);
    form.appendChild(stepFreeLabel);
    var status = el("p", "status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var list = el("ol");
    list.setAttribute("aria-label", "Suchergebnisse");
    list.hidden = true;
    var more = el("button", "more", "Weitere Angebote zeigen");
    more.type = "button";
    more.hidden = true;
    var foot = el("p", "foot", "Ein Angebot von ");
    var home = el("a", null, "Lotse – Wegweiser zu sozialen Hilfen");
    home.href = base + "/";
    foot.appendChild(home);
    [heading, form, status, list, more, foot].forEach(function (node) { box.appendChild(node); });
    root.appendChild(box);

    var state = { q: "", page: 1, total: 0, shown: 0, controller: null };

    function say(text, isError) {
      status.className = isError ? "status error" : "status";
      status.textContent = text;
    }

    function offerItem(offer) {
      var item = el("li");
      var h = el("h3");
      var link = el("a", null, offer.name);
      link.href = base + "/angebote/" + encodeURIComponent(offer.id);
      h.appendChild(link);
      item.appendChild(h);
      if (offer.organization && offer.organization.name) item.appendChild(el("p", "org", offer.organization.name));
      if (offer.location && offer.location.address) item.appendChild(el("p", null, "Adresse: " + offer.location.address));
      if (offer.phone) {
        var phone = el("p", null, "Telefon: ");
        var call = el("a", null, offer.phone);
        call.href = "tel:" + String(offer.phone).replace(/[^0-9+]/g, "");
        phone.appendChild(call);
        item.appendChild(phone);
      }
      if (offer.schedule) item.appendChild(el("p", null, "Öffnungszeiten: " + offer.schedule));
      if (offer.accessibility && offer.accessibility.indexOf("step_free") >= 0) item.appendChild(el("p", null, "Stufenloser Zugang"));
      if (offer.open_now === true) item.appendChild(el("p", "open", "Jetzt geöffnet"));
      if (offer.description) {
        var text = String(offer.description);
        if (text.length > 200) text = text.slice(0, text.lastIndexOf(" ", 200) > 120 ? text.lastIndexOf(" ", 200) : 200) + " …";
        item.appendChild(el("p", null, text));
      }
      return { item: item, link: link };
    }

    function search(page) {
      if (state.controller) state.controller.abort();
      var controller = window.AbortController ? new AbortController() : null;
      state.controller = controller;
      var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
      var params = new URLSearchParams({ q: state.q, page: String(page), per_page: String(PER_PAGE) });
      if (preset.district) params.set("district", preset.district);
      if (preset.need) params.set("need", preset.need);
      if (stepFree.checked) params.set("accessibility", "step_free");
      say(page === 1 ? "Suche läuft …" : "Weitere Angebote werden geladen …");
      fetch(base + "/api/v1/search?" + params.toString(), {
        method: "GET", mode: "cors", credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
        headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            var message = body && body.error && body.error.message;
            throw new Error(message || UNAVAILABLE);
          }
          return body;
        });
      }).then(function (body) {
        clearTimeout(timer);
        show(body, page);
      }).catch(function (error) {
        clearTimeout(timer);
        if (controller && controller.signal.aborted && state.controller !== controller) return;
        var text = error && error.name !== "TypeError" && error.name !== "AbortError" && error.message
          ? error.message : UNAVAILABLE;
        say(text, true);
      });
    }

    function show(body, page) {
      var items = Array.isArray(body.items) ? body.items : [];
      if (page === 1) {
        list.textContent = "";
        state.shown = 0;
      }
      state.page = page;
      state.total = typeof body.total === "number" ? body.total : items.length;
      var first = null;
      items.forEach(function (offer) {
        var made = offerItem(offer);
        list.appendChild(made.item);
        if (!first) first = made.link;
      });
      state.shown += items.length;
      list.hidden = state.shown === 0;
      more.hidden = state.shown >= state.total || items.length === 0;
      if (state.total === 0) say("Keine Angebote gefunden. Versuchen Sie ein anderes Wort.");
      else if (state.total === 1) say("1 Angebot gefunden.");
      else say(state.total + " Angebote gefunden" + (state.shown < state.total ? ", " + state.shown + " davon angezeigt." : "."));
      // Keyboard users who asked for more land on the first new result instead of the top of the page.
      if (page > 1 && first) first.focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.q = input.value.trim();
      state.asked = true;
      search(1);
    });
    more.addEventListener("click", function () { search(state.page + 1); });
    stepFree.addEventListener("change", function () { if (state.asked) search(1); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
