// The session's end (capaian.web.sesi): a warning five minutes before it, with a button to stay signed in;
// while the user is typing the session is extended without asking. Computes nothing but times.
(function () {
  "use strict";
  var body = document.body;
  var berakhir = parseInt(body.getAttribute("data-sesi-berakhir"), 10) * 1000;
  var url = body.getAttribute("data-sesi-perpanjang");
  if (!berakhir || !url) { return; }
  var PERINGATAN = 5 * 60 * 1000;
  var terakhirMengetik = 0;
  var spanduk = null;
  var pewaktu = null;

  function token() {
    var el = document.querySelector("input[name=csrfmiddlewaretoken]");
    return el ? el.value : "";
  }

  function jam(ms) {
    var d = new Date(ms);
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function tutupSpanduk() {
    if (spanduk) { spanduk.remove(); spanduk = null; }
  }

  function perpanjang() {
    return fetch(url, { method: "POST", headers: { "X-CSRFToken": token() }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (jawab) {
        if (jawab && jawab.berakhir) { berakhir = jawab.berakhir * 1000; tutupSpanduk(); jadwalkan(); }
      })
      .catch(function () { /* offline for a moment: the next try or the next page refreshes it */ });
  }

  function tampilkan() {
    if (Date.now() - terakhirMengetik < PERINGATAN) { perpanjang(); return; }
    if (spanduk) { return; }
    spanduk = document.createElement("div");
    spanduk.className = "spanduk-sesi";
    spanduk.setAttribute("role", "alert");
    var teks = document.createElement("span");
    teks.textContent = berakhir > Date.now()
      ? "Sesi Anda akan berakhir pukul " + jam(berakhir) + " karena tidak ada kegiatan. Isian yang belum disimpan tetap tersimpan di peramban ini."
      : "Sesi Anda telah berakhir. Isian yang belum disimpan tetap tersimpan di peramban ini; masuk lagi untuk menyimpannya.";
    spanduk.appendChild(teks);
    if (berakhir > Date.now()) {
      var tombol = document.createElement("button");
      tombol.type = "button";
      tombol.textContent = "Tetap masuk";
      tombol.addEventListener("click", perpanjang);
      spanduk.appendChild(tombol);
    }
    document.querySelector("main").prepend(spanduk);
    window.clearTimeout(pewaktu);
    if (berakhir > Date.now()) { pewaktu = window.setTimeout(function () { tutupSpanduk(); tampilkan(); }, berakhir - Date.now() + 1000); }
  }

  function jadwalkan() {
    window.clearTimeout(pewaktu);
    pewaktu = window.setTimeout(tampilkan, Math.max(berakhir - PERINGATAN - Date.now(), 0));
  }

  document.addEventListener("input", function () { terakhirMengetik = Date.now(); });
  jadwalkan();
})();
