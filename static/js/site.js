// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Close the "Profil" disclosure menu when focus or a click leaves it.
  document.addEventListener("click", function (event) {
    document.querySelectorAll(".nav-pages details[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
})();

// meetings: the "Cetak / Simpan PDF" button of the printable minutes and
// attendance list; hidden without JavaScript (the page explains Ctrl+P).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
