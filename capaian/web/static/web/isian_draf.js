// Typed work is never lost on the entry screen. What the user types is kept in this browser (localStorage)
// until the page shows it back from the server; it survives a failed save, an expired session (the save
// lands on the sign-in page), a closed tab and an evidence upload, which leaves the page. Returning from an
// upload restores it by itself; otherwise a banner offers to restore or discard it. Leaving the page with
// unsaved changes asks first. No number is computed here.
(function () {
  "use strict";
  var form = document.getElementById("form-isian");
  if (!form || !window.localStorage) { return; }
  var KUNCI = "capaian-draf:" + location.pathname;
  var KEMBALI = "capaian-pulihkan:" + location.pathname;
  var mengirim = false;
  var tunda = null;

  function isian() {
    return Array.prototype.filter.call(form.querySelectorAll("input[name], textarea[name]"), function (el) {
      return el.type !== "hidden" && el.type !== "file" && el.type !== "submit" && !el.readOnly && !el.disabled;
    });
  }

  function nilai(el) { return el.type === "checkbox" ? (el.checked ? "1" : "") : el.value; }
  function asal(el) { return el.type === "checkbox" ? (el.defaultChecked ? "1" : "") : el.defaultValue; }
  function isi(el, v) { if (el.type === "checkbox") { el.checked = v === "1"; } else { el.value = v; } }

  function berubah() {
    var hasil = {};
    isian().forEach(function (el) { if (nilai(el) !== asal(el)) { hasil[el.name] = nilai(el); } });
    return hasil;
  }

  function simpan() {
    var ubah = berubah();
    try {
      if (Object.keys(ubah).length) {
        localStorage.setItem(KUNCI, JSON.stringify({ waktu: Date.now(), nilai: ubah }));
      } else {
        localStorage.removeItem(KUNCI);
      }
    } catch (e) { /* storage full or blocked: the unsaved-changes guard still asks before leaving */ }
  }

  function baca() {
    try { return JSON.parse(localStorage.getItem(KUNCI) || "null"); } catch (e) { return null; }
  }

  function jam(ms) {
    var d = new Date(ms);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function pulihkan(sisa) {
    Object.keys(sisa).forEach(function (nama) {
      var el = form.elements.namedItem(nama);
      if (el && el.type !== undefined) {
        isi(el, sisa[nama]);
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function spanduk(teks, tombol) {
    var div = document.createElement("div");
    div.className = "spanduk-draf";
    div.setAttribute("role", "alert");
    var span = document.createElement("span");
    span.textContent = teks;
    div.appendChild(span);
    tombol.forEach(function (t) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = t[0];
      b.addEventListener("click", function () { t[1](); div.remove(); });
      div.appendChild(b);
    });
    form.parentNode.insertBefore(div, form);
  }

  // On load: what the page already shows is not a draft any more (saved, or shown back after an error).
  var draf = baca();
  if (draf && draf.nilai) {
    var sisa = {};
    Object.keys(draf.nilai).forEach(function (nama) {
      var el = form.elements.namedItem(nama);
      if (el && el.type !== undefined && nilai(el) !== draf.nilai[nama]) { sisa[nama] = draf.nilai[nama]; }
    });
    var n = Object.keys(sisa).length;
    if (!n) {
      localStorage.removeItem(KUNCI);
    } else if (sessionStorage.getItem(KEMBALI)) {
      pulihkan(sisa);
      spanduk(n + " isian yang belum disimpan dikembalikan. Tekan Simpan isian agar tersimpan.", [["Tutup", function () {}]]);
    } else {
      spanduk(
        "Ada " + n + " isian yang belum disimpan (diketik pukul " + jam(draf.waktu) + ").",
        [["Pulihkan", function () { pulihkan(sisa); }], ["Buang", function () { localStorage.removeItem(KUNCI); }]]
      );
    }
  }
  sessionStorage.removeItem(KEMBALI);

  form.addEventListener("input", function () {
    window.clearTimeout(tunda);
    tunda = window.setTimeout(simpan, 300);
  });
  form.addEventListener("change", simpan);
  form.addEventListener("submit", function () { simpan(); mengirim = true; });

  // An evidence upload leaves the page: keep the draft and restore it on the way back.
  document.querySelectorAll("form[enctype='multipart/form-data']").forEach(function (f) {
    f.addEventListener("submit", function () {
      simpan();
      if (Object.keys(berubah()).length) { sessionStorage.setItem(KEMBALI, "1"); }
      mengirim = true;
    });
  });

  window.addEventListener("beforeunload", function (ev) {
    if (mengirim || !Object.keys(berubah()).length) { return; }
    simpan();
    ev.preventDefault();
    ev.returnValue = "";
  });
})();
