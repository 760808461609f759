// On a phone a wide table (class tabel-kartu, and the verifier's board) shows one card per row: each cell
// is labelled with its column's header, copied here from the table head (capaian.css draws the label).
(function () {
  "use strict";
  document.querySelectorAll("table.tabel-kartu, #papan").forEach(function (tabel) {
    var kepala = tabel.querySelectorAll("thead tr:last-child th");
    if (!kepala.length) { return; }
    var label = Array.prototype.map.call(kepala, function (th) { return th.textContent.replace(/\s+/g, " ").trim(); });
    tabel.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (label[i] && !td.hasAttribute("data-label") && !td.hasAttribute("colspan")) { td.setAttribute("data-label", label[i]); }
      });
    });
    tabel.classList.add("berlabel");
  });
})();
