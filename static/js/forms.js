// Once a form is sent, its buttons are disabled until the next page comes, so that a double click
// sends it once. The server does not rely on this (row locks, one-time form keys); it spares a wait.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.method.toLowerCase() !== "post") return;
  // After the submit event, so that the clicked button's name and value are still sent.
  setTimeout(() => {
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach((button) => {
      button.disabled = true;
      button.dataset.disabledOnSubmit = "true";
    });
  }, 0);
});

// Coming back to the page (the back button keeps it in memory): the buttons work again.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("[data-disabled-on-submit]").forEach((button) => {
    button.disabled = false;
    delete button.dataset.disabledOnSubmit;
  });
});
