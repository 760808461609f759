// Live preview on the entry screen: post one row's typed inputs to the server, which parses them and
// computes through the rules core; this script only displays the strings it gets back.
(function () {
  "use strict";
  var form = document.getElementById("form-isian");
  if (!form) { return; }
  var url = form.getAttribute("data-hitung");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var tunda = {};
  var nomor = {};

  function kirim(baris) {
    var id = baris.getAttribute("data-indikator");
    var data = new FormData();
    data.append("indikator", id);
    // The inputs and the texts they were rendered with (asal-…), so that the server says how a touched
    // input was read.
    baris.querySelectorAll("input[name^='k-'], input[name^='rp-'], input[name^='v-'], input[name^='asal-k-'], input[name^='asal-rp-'], input[name^='asal-v-']").forEach(function (el) {
      data.append(el.name, el.value);
    });
    var ini = (nomor[id] || 0) + 1;
    nomor[id] = ini;
    fetch(url, {
      method: "POST",
      body: data,
      headers: { "X-CSRFToken": token },
      credentials: "same-origin"
    }).then(function (r) { return r.json(); }).then(function (jawab) {
      if (nomor[id] !== ini) { return; } // a newer request for this row is on its way
      baris.querySelectorAll("[data-galat]").forEach(function (el) {
        var nama = el.getAttribute("data-galat");
        var pesan = (jawab.galat && jawab.galat[nama]) || "";
        el.textContent = pesan;
        var masukan = document.getElementById(nama);
        if (masukan) {
          if (pesan) { masukan.setAttribute("aria-invalid", "true"); } else { masukan.removeAttribute("aria-invalid"); }
        }
      });
      // How each input was read, and the rounded Rupiah offered for cents: the server's text, shown as is.
      baris.querySelectorAll("[data-dibaca]").forEach(function (el) {
        var teks = (jawab.dibaca && jawab.dibaca[el.getAttribute("data-dibaca")]) || "";
        el.textContent = teks ? "dibaca: " + teks : "";
      });
      baris.querySelectorAll("button[data-usul]").forEach(function (el) {
        var teks = (jawab.usul && jawab.usul[el.getAttribute("data-usul")]) || "";
        el.setAttribute("data-nilai", teks);
        el.textContent = "Bulatkan menjadi " + teks;
        el.hidden = !teks;
      });
      if (jawab.hasil) {
        Object.keys(jawab.hasil).forEach(function (kunci) {
          baris.querySelectorAll("[data-keluaran='" + kunci + "']").forEach(function (el) {
            el.textContent = jawab.hasil[kunci];
          });
        });
        baris.classList.add("dihitung");
        window.setTimeout(function () { baris.classList.remove("dihitung"); }, 600);
      }
    }).catch(function () { /* the preview is a convenience; saving still validates on the server */ });
  }

  // Taking the offered rounding: the field gets the server's whole amount, and is previewed again.
  form.addEventListener("click", function (ev) {
    var tombol = ev.target.closest("button[data-usul]");
    if (!tombol) { return; }
    var masukan = document.getElementById(tombol.getAttribute("data-usul"));
    var nilai = tombol.getAttribute("data-nilai");
    if (!masukan || !nilai) { return; }
    masukan.value = nilai;
    tombol.hidden = true;
    masukan.dispatchEvent(new Event("input", { bubbles: true }));
    masukan.focus();
  });

  form.addEventListener("input", function (ev) {
    var baris = ev.target.closest("tr[data-indikator]");
    if (!baris || ev.target.readOnly) { return; }
    var id = baris.getAttribute("data-indikator");
    window.clearTimeout(tunda[id]);
    tunda[id] = window.setTimeout(function () { kirim(baris); }, 250);
  });
})();
