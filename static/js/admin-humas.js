// Admin tables on a phone: each cell carries its column's name (data-label),
// which admin-humas.css shows when rows are stacked below 768 px.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const tables = document.querySelectorAll(
    "#result_list, .inline-related.tabular table, #change-history",
  );
  for (const table of tables) {
    const names = [];
    for (const th of table.querySelectorAll("thead tr:first-child > th")) {
      const name = th.textContent.replace(/\s+/g, " ").trim();
      for (let i = 0; i < (th.colSpan || 1); i += 1) names.push(name);
    }
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, index) => {
        if (names[index]) cell.dataset.label = names[index];
      });
    }
  }
});
