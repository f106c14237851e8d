// Live progress of an export job: poll the job's status (read from the job row) until it finishes.
(function () {
  "use strict";
  var box = document.getElementById("export-job");
  if (!box || box.dataset.finished === "true") { return; }
  var bar = document.getElementById("export-progress");

  function show(state) {
    bar.style.width = state.progress + "%";
    bar.setAttribute("aria-valuenow", state.progress);
    bar.textContent = state.progress + " %";
    document.getElementById("export-status").textContent = state.status_label;
    document.getElementById("export-stage").textContent = state.stage_label;
    document.getElementById("export-attempts").textContent = state.attempts;
    var error = document.getElementById("export-error");
    error.textContent = state.error;
    error.classList.toggle("d-none", !state.error);
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        show(state);
        if (state.finished) {
          bar.classList.remove("progress-bar-striped", "progress-bar-animated");
          // Reload to show the download links, size, pages and checksum.
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
