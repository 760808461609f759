// Upload page of a Form E.81 workbook: send the forms with XMLHttpRequest so that the upload's progress
// and the server's work can be shown, then put the page the server answers in place of the current one.
// Without this script the same forms work as plain POSTs; the server renders the same page either way.
(function () {
  "use strict";
  if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) { return; }
  var sibuk = false;

  function mb(bait) {
    return (bait / (1024 * 1024)).toFixed(1).replace(".", ",") + " MB";
  }

  function status(teks, persen) {
    var kotak = document.getElementById("status-unggah");
    var kemajuan = document.getElementById("kemajuan-unggah");
    var label = document.getElementById("teks-unggah");
    if (!kotak || !label) { return; }
    kotak.hidden = false;
    kotak.classList.remove("galat-kotak");
    kotak.classList.add("info");
    label.textContent = teks;
    if (kemajuan) {
      kemajuan.hidden = false;
      if (persen === null) { kemajuan.removeAttribute("value"); } else { kemajuan.value = persen; }
    }
  }

  function gagal(teks) {
    var kotak = document.getElementById("status-unggah");
    var kemajuan = document.getElementById("kemajuan-unggah");
    var label = document.getElementById("teks-unggah");
    if (!kotak || !label) { window.alert(teks); return; }
    kotak.hidden = false;
    kotak.classList.remove("info");
    kotak.classList.add("galat-kotak");
    kotak.setAttribute("role", "alert");
    if (kemajuan) { kemajuan.hidden = true; }
    label.textContent = teks;
  }

  function tombol(form, mati) {
    form.querySelectorAll("button, input, select").forEach(function (el) { el.disabled = mati; });
  }

  function ganti(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var baru = doc.querySelector("main");
    var lama = document.querySelector("main");
    if (!baru || !lama) { return false; }
    lama.innerHTML = baru.innerHTML;
    if (doc.title) { document.title = doc.title; }
    var hasil = document.getElementById("hasil-unggah");
    if (hasil && hasil.textContent.trim()) {
      hasil.focus();
      hasil.scrollIntoView({ block: "start" });
    }
    return true;
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    var jenis = form.getAttribute && form.getAttribute("data-unggah");
    if (!jenis) { return; }
    ev.preventDefault();
    if (sibuk) { return; }
    var tekan = ev.submitter || null;
    var data = new FormData(form);
    if (tekan && tekan.name) { data.append(tekan.name, tekan.value); }
    var teksServer = (tekan && tekan.getAttribute("data-status-server")) ||
      form.getAttribute("data-status-server") || "Server sedang bekerja…";

    if (jenis === "unggah") {
      var masukan = form.querySelector("input[type=file]");
      var berkas = masukan && masukan.files && masukan.files[0];
      if (!berkas) { gagal("Pilih berkas buku kerja (.xlsx atau .xls) yang akan diunggah."); return; }
      var maks = parseInt(form.getAttribute("data-maks"), 10);
      if (maks && berkas.size > maks) {
        gagal("Berkas '" + berkas.name + "' terlalu besar (" + mb(berkas.size) + "); batasnya " +
          form.getAttribute("data-maks-mb") + " MB. Hapus lembar atau baris yang tidak perlu, lalu unggah ulang.");
        return;
      }
      if (!/\.(xlsx|xls)$/i.test(berkas.name)) {
        gagal("Berkas '" + berkas.name + "' bukan buku kerja Excel. Unggah berkas .xlsx atau .xls.");
        return;
      }
    }

    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    sibuk = true;
    if (jenis === "unggah") {
      status("Mengunggah… 0 %", 0);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) { status("Mengunggah…", null); return; }
        var persen = Math.round((e.loaded / e.total) * 100);
        status("Mengunggah… " + persen + " % (" + mb(e.loaded) + " dari " + mb(e.total) + ")", persen);
      });
      xhr.upload.addEventListener("load", function () { status(teksServer, null); });
    } else {
      status(teksServer, null);
    }
    tombol(form, true);

    xhr.addEventListener("load", function () {
      sibuk = false;
      var jenisIsi = xhr.getResponseHeader("Content-Type") || "";
      if (jenisIsi.indexOf("text/html") === 0 && ganti(xhr.responseText)) { return; }
      tombol(form, false);
      if (xhr.status === 403) {
        gagal("Anda tidak berhak mengimpor buku kerja perangkat daerah ini.");
      } else if (xhr.status === 413) {
        gagal("Berkas terlalu besar untuk diterima server.");
      } else {
        gagal("Server menjawab dengan galat (HTTP " + xhr.status + "). Tidak ada yang disimpan; coba lagi.");
      }
    });
    xhr.addEventListener("error", function () {
      sibuk = false;
      tombol(form, false);
      gagal(jenis === "impor"
        ? "Koneksi ke server terputus. Buka riwayat perubahan untuk memastikan apakah impor tersimpan sebelum mengulang."
        : "Koneksi ke server terputus; berkas belum terkirim. Coba lagi.");
    });
    xhr.send(data);
  });
}());
