// Pickers (uncnm_portal/widgets.py): a select marked data-picker becomes a searchable list with the
// chosen items as removable chips (Tom Select, from the django-tomselect package). Typing filters,
// Enter adds, Backspace removes the chip before the cursor, the chips' buttons remove with a click;
// nothing replaces the whole selection. The native select stays in the form and is what is sent.
(() => {
  if (typeof window.TomSelect !== "function") return;

  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // data-picker-follows="objectives": only the options whose data-follows-value is chosen in the
  // form's "objectives" field are offered; none chosen there offers them all.
  function follow(select, picker, everything) {
    const controller = select.form && select.form.elements.namedItem(select.dataset.pickerFollows);
    if (!controller) return;
    const update = () => {
      const chosen = new Set(Array.from(controller.selectedOptions || [], (o) => o.value).filter(Boolean));
      const offered = chosen.size ? everything.filter((o) => chosen.has(o.follows)) : everything;
      // One focal point of another organisation: the choice no longer holds.
      const current = select.multiple ? null : everything.find((o) => o.value === picker.getValue());
      if (current && chosen.size && !chosen.has(current.follows)) picker.clear(true);
      picker.clearOptions(); // keeps the chosen items
      picker.addOptions(offered);
      picker.refreshOptions(false);
    };
    controller.addEventListener("change", update);
    update();
  }

  document.querySelectorAll("select[data-picker]").forEach((select) => {
    const words = select.dataset;
    const everything = Array.from(select.options)
      .filter((o) => o.value !== "")
      .map((o) => ({ value: o.value, text: o.text, follows: o.dataset.followsValue }));
    const picker = new window.TomSelect(select, {
      plugins: select.multiple ? { remove_button: { title: words.pickerRemove } } : [],
      maxOptions: null,
      refreshThrottle: 0, // the list follows each key: Enter picks what was typed, however fast

      allowEmptyOption: !select.required,
      closeAfterSelect: !select.multiple,
      render: {
        no_results: () => `<div class="no-results">${escapeHtml(words.pickerNone)}</div>`,
      },
    });
    // The native select only mirrors the picker for the form: out of the accessibility tree, so that
    // assistive technology meets the one labelled combobox, not a second, unlabelled list.
    select.setAttribute("aria-hidden", "true");
    // Each chip's remove button, named in the page's language ("Remove" + the item).
    const nameButtons = () =>
      picker.control.querySelectorAll(".item").forEach((item) => {
        const button = item.querySelector("button.remove");
        const label = item.firstChild ? item.firstChild.textContent.trim() : "";
        if (button) button.setAttribute("aria-label", `${words.pickerRemove} ${label}`.trim());
      });
    nameButtons();
    picker.on("item_add", nameButtons);
    // Enter on a remove button removes that chip and nothing more: without this, the key's
    // keypress reached the search field the focus moved to and sent the form.
    picker.wrapper.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Enter" && event.target.matches("button.remove")) {
          event.preventDefault();
          event.target.click();
        }
      },
      true,
    );
    if (words.pickerFollows) follow(select, picker, everything);
  });
})();
