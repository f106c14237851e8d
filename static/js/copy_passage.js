// Copy a passage of an accepted input into a section of the assessment being edited.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".copy-passage");
    if (!button) { return; }
    var source = button.closest("div.mb-2").querySelector(".copy-source");
    var selection = window.getSelection();
    var text = selection && source.contains(selection.anchorNode) && selection.toString().trim()
      ? selection.toString().trim() : source.textContent.trim();
    var target = document.getElementById(button.dataset.target);
    target.value = target.value ? target.value.replace(/\s+$/, "") + "\n\n" + text : text;
    target.focus();
  });
})();
