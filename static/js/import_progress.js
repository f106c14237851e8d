// Progress of an import being checked or applied: poll its status and show the result when it is done.
(function () {
  "use strict";
  var box = document.getElementById("import-job");
  if (!box || box.dataset.running !== "true") { return; }
  var bar = document.getElementById("import-progress");

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        bar.style.width = state.progress + "%";
        bar.setAttribute("aria-valuenow", state.progress);
        bar.textContent = state.progress + " %";
        document.getElementById("import-status").textContent = state.label;
        if (state.status === "checking" || state.status === "applying") {
          window.setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
