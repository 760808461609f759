// The report package button: start rendering with a POST, poll the progress, then fetch the ZIP.
// Without this script the button is a plain link that renders the ZIP in the request.
(function () {
  "use strict";
  var form = document.getElementById("form-paket");
  var tombol = document.getElementById("unduh-paket");
  if (!form || !tombol || !window.fetch) {
    return;
  }
  var kotak = document.getElementById("kemajuan-paket");
  var bilah = document.getElementById("bilah-paket");
  var teks = document.getElementById("teks-paket");
  var token = form.getAttribute("data-token");
  var sibuk = false;

  function tampil(selesai, total, pesan) {
    kotak.hidden = false;
    bilah.max = total;
    bilah.value = selesai;
    teks.textContent = pesan || "Membuat berkas " + selesai + " dari " + total + "…";
  }

  function gagal(pesan) {
    sibuk = false;
    tombol.disabled = false;
    teks.textContent = pesan + " Coba lagi, atau unduh dokumen satu per satu di bawah.";
  }

  function pantau(tugas) {
    fetch(tugas.status, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("status " + r.status);
        }
        return r.json();
      })
      .then(function (s) {
        if (s.galat) {
          gagal(s.galat);
          return;
        }
        tampil(s.selesai, s.total);
        if (s.siap) {
          tampil(s.total, s.total, "Paket siap; unduhan dimulai.");
          sibuk = false;
          tombol.disabled = false;
          window.location.assign(tugas.unduh);
          return;
        }
        window.setTimeout(function () { pantau(tugas); }, 400);
      })
      .catch(function () {
        gagal("Kemajuan paket tidak dapat dibaca.");
      });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (sibuk) {
      return;
    }
    sibuk = true;
    tombol.disabled = true;
    tampil(0, Number(bilah.max) || 10, "Memulai pembuatan paket…");
    fetch(form.getAttribute("data-mulai"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, Accept: "application/json" },
    })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("status " + r.status);
        }
        return r.json();
      })
      .then(pantau)
      .catch(function () {
        gagal("Paket tidak dapat dimulai.");
      });
  });
})();
