// The entry screen's finding aids: search the rows by text, show only blank or erroneous rows, and jump to
// the next blank row or the next error. They only show, hide and scroll rows; nothing is computed here.
// A row is blank when it has a target for the quarter (data-bertarget, set by the server), an input of it
// is empty, and it is not marked "belum ada data"; it has an error when a field of it shows one.
(function () {
  "use strict";
  var form = document.getElementById("form-isian");
  var alat = document.getElementById("alat-isian");
  if (!form || !alat) { return; }
  var semua = Array.prototype.slice.call(form.querySelectorAll("tr[data-indikator]"));
  var cari = document.getElementById("cari-baris");
  var saring = document.getElementById("saring-baris");
  var keterangan = document.getElementById("hitung-saring");
  alat.hidden = false;

  function kosong(tr) {
    if (!tr.hasAttribute("data-bertarget")) { return false; }
    var tanda = tr.querySelector("input[type=checkbox][name^='bad-']");
    if (tanda && tanda.checked) { return false; }
    var isian = tr.querySelectorAll("input[name^='k-'], input[name^='rp-'], input[name^='v-']");
    if (!isian.length) {
      // Read-only: the values are shown as text ("-" for none).
      return Array.prototype.some.call(tr.querySelectorAll("td.masukan .nilai"), function (el) {
        return el.textContent.trim() === "-";
      });
    }
    return Array.prototype.some.call(isian, function (el) { return el.value.trim() === ""; });
  }

  function bergalat(tr) {
    if (tr.classList.contains("ada-konflik")) { return true; }
    return Array.prototype.some.call(tr.querySelectorAll("[data-galat]"), function (el) {
      return el.textContent.trim() !== "";
    });
  }

  function cocok(tr, kata) {
    return !kata || tr.textContent.toLowerCase().indexOf(kata) !== -1 ||
      Array.prototype.some.call(tr.querySelectorAll("input"), function (el) {
        return el.value.toLowerCase().indexOf(kata) !== -1;
      });
  }

  function terapkan() {
    var kata = cari.value.trim().toLowerCase();
    var jenis = saring.value;
    var tampil = 0;
    semua.forEach(function (tr) {
      var ya = cocok(tr, kata) && (!jenis || (jenis === "kosong" ? kosong(tr) : bergalat(tr)));
      tr.classList.toggle("disembunyikan", !ya);
      var konflik = tr.nextElementSibling;
      if (konflik && konflik.classList.contains("konflik")) { konflik.classList.toggle("disembunyikan", !ya); }
      if (ya) { tampil += 1; }
    });
    keterangan.textContent = kata || jenis ? tampil + " dari " + semua.length + " baris ditampilkan" : "";
  }

  function tunjuk(uji, pesan) {
    var kini = document.activeElement && document.activeElement.closest ? document.activeElement.closest("tr[data-indikator]") : null;
    var mulai = kini ? semua.indexOf(kini) + 1 : 0;
    for (var i = 0; i < semua.length; i += 1) {
      var tr = semua[(mulai + i) % semua.length];
      if (!tr.classList.contains("disembunyikan") && uji(tr)) {
        semua.forEach(function (t) { t.classList.remove("ditunjuk"); });
        tr.classList.add("ditunjuk");
        tr.scrollIntoView({ block: "center", inline: "nearest" });
        var fokus = tr.querySelector("input[aria-invalid=true]") ||
          Array.prototype.find.call(tr.querySelectorAll("input[name^='k-'], input[name^='rp-'], input[name^='v-']"), function (el) { return el.value.trim() === ""; }) ||
          tr.querySelector("input:not([type=hidden])");
        if (fokus) { fokus.focus({ preventScroll: true }); }
        keterangan.textContent = "";
        return;
      }
    }
    keterangan.textContent = pesan;
  }

  cari.addEventListener("input", terapkan);
  saring.addEventListener("change", terapkan);
  document.getElementById("ke-kosong").addEventListener("click", function () { tunjuk(kosong, "Tidak ada baris bertarget yang kosong."); });
  document.getElementById("ke-galat").addEventListener("click", function () { tunjuk(bergalat, "Tidak ada galat."); });
  // The search box filters as one types; Enter must not submit the entry form.
  cari.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); } });
})();
