// Files larger than the portal accepts are refused in the browser, before a long upload that would
// fail anyway; the server refuses them too (uncnm_portal/uploads.py). The message is the template's.
document.querySelectorAll("input[type=file][data-max-bytes]").forEach((input) => {
  const message = document.getElementById(input.dataset.messageId);
  input.addEventListener("change", () => {
    const limit = Number(input.dataset.maxBytes);
    const tooLarge = Array.from(input.files).filter((file) => file.size > limit).map((file) => file.name);
    message.textContent = tooLarge.length ? `${input.dataset.tooLarge} ${tooLarge.join(", ")}` : "";
    message.classList.toggle("d-none", !tooLarge.length);
    if (tooLarge.length) input.value = "";
  });
});
