// Self-registration: show and hide questions as answers change. The server decides (the same engine
// that validates); without this script the page works as a plain form, relevance applied on sending.
(function () {
  "use strict";
  var form = document.getElementById("register");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var pending = null;
  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("data-relevance"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (answer) { return answer.ok ? answer.json() : null; }).then(function (data) {
      if (!data || !data.visible) { return; }
      var shown = [];
      form.querySelectorAll("[data-address]").forEach(function (element) {
        var address = element.getAttribute("data-address");
        if (!(address in data.visible)) { return; }
        element.hidden = !data.visible[address];
        if (data.visible[address] && element.classList.contains("field")) { shown.push(address); }
      });
      form.elements.shown.value = shown.join(" ");
    }).catch(function () { /* offline: the server checks on sending */ });
  }
  form.addEventListener("change", function () {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(refresh, 150);
  });
})();
