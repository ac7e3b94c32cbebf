// A "Print" button (the claim slip): the browser's print dialog, without inline script.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
