// Live progress of an export job: poll the job's status (read from the job row) until it finishes,
// then show the files in place, without reloading the page.
(function () {
  "use strict";
  var box = document.getElementById("export-job");
  if (!box || box.dataset.finished === "true") { return; }
  var bar = document.getElementById("export-progress");

  function text(id, value) { document.getElementById(id).textContent = value === null ? "" : value; }

  function show(state) {
    bar.style.width = state.progress + "%";
    bar.setAttribute("aria-valuenow", state.progress);
    bar.textContent = state.progress + " %";
    text("export-status", state.status_label);
    text("export-stage", state.stage_label);
    text("export-attempts", state.attempts);
    var error = document.getElementById("export-error");
    error.textContent = state.error;
    error.classList.toggle("d-none", !state.error);
  }

  function finish(state) {
    bar.classList.remove("progress-bar-striped", "progress-bar-animated");
    text("export-announce", box.dataset.finishedText + " " + state.status_label);
    if (state.done) {
      document.getElementById("export-pdf").href = state.pdf_url;
      document.getElementById("export-docx").href = state.docx_url;
      text("export-pdf-size", state.pdf_size);
      text("export-docx-size", state.docx_size);
      text("export-pages", state.pdf_pages);
      text("export-sha", state.pdf_sha256);
      document.getElementById("export-files").classList.remove("d-none");
    } else {
      document.getElementById("export-retry").classList.remove("d-none");
    }
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        show(state);
        if (state.finished) { finish(state); } else { window.setTimeout(poll, 700); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 300);
})();
