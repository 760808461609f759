// Dashboard charts (Chart.js, vendored under static/vendor/chartjs/). The numbers come computed, rounded and
// formatted from the server in <script type="application/json"> tags (Django's json_script): the bars use
// the numbers, every label and tooltip shows the server's text. Every number is also in the table under its
// chart, which stays open when this script or Chart.js does not run.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  var Chart = window.Chart;

  var gaya = getComputedStyle(document.documentElement);
  function warnaCss(nama, cadangan) {
    var v = gaya.getPropertyValue(nama).trim();
    return v || cadangan;
  }
  var BIRU = warnaCss("--biru", "#1f4e79");
  var JINGGA = warnaCss("--jingga", "#e07b00");
  var ABU = warnaCss("--abu", "#5f6b7a");
  // The same colours as the SVG fallback (.predikat-* in capaian.css).
  var WARNA_PREDIKAT = {
    "sangat-tinggi": "#1b5e20", "tinggi": "#43a047", "sedang": "#f9a825",
    "rendah": "#ef6c00", "sangat-rendah": "#c62828", "kosong": "#b0bec5"
  };
  var WARNA_STATUS = {
    "draft": "#b0bec5", "diajukan": "#1f77b4", "dikembalikan": "#ef6c00",
    "diverifikasi": "#43a047", "terkunci": "#1b5e20"
  };

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || Chart.defaults.font.family;
  Chart.defaults.color = "#1b2430";
  Chart.defaults.locale = "id-ID";

  // Axis ticks are positions on the scale, not report numbers: whole percents.
  function tik(v) { return v + "%"; }

  // A long label as lines of at most `lebar` characters (Chart.js draws an array as several lines).
  function pecah(teks, lebar) {
    var baris = [];
    var kini = "";
    teks.split(/\s+/).forEach(function (kata) {
      if (kini && (kini + " " + kata).length > lebar) { baris.push(kini); kini = kata; }
      else { kini = kini ? kini + " " + kata : kata; }
    });
    if (kini) { baris.push(kini); }
    return baris.length > 3 ? baris.slice(0, 3).concat(["…"]) : baris;
  }

  // A dashed vertical line at 100 % on the value axis of a horizontal bar chart.
  var garisSeratus = {
    id: "garisSeratus",
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x;
      if (!x || x.max < 100) { return; }
      var px = x.getPixelForValue(100);
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = ABU;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = ABU;
      ctx.font = "11px " + Chart.defaults.font.family;
      ctx.textAlign = "center";
      ctx.fillText("100%", px, area.top - 4);
      ctx.restore();
    }
  };

  function batangKRp(judulK, judulRp, label, judulTooltip, k, rp, teksK, teksRp) {
    return {
      type: "bar",
      data: {
        labels: label,
        datasets: [
          { label: judulK, data: k, teks: teksK, backgroundColor: BIRU, barPercentage: 0.9, categoryPercentage: 0.8 },
          { label: judulRp, data: rp, teks: teksRp, backgroundColor: JINGGA, barPercentage: 0.9, categoryPercentage: 0.8 }
        ]
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        layout: { padding: { top: 14 } },
        scales: {
          x: {
            beginAtZero: true,
            suggestedMax: 110, // keeps the 100 % line and its label off the right edge
            ticks: { callback: function (v) { return tik(v); } },
            title: { display: true, text: "Persen (garis putus-putus: 100%)" }
          },
          y: { ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { position: "top" },
          tooltip: {
            callbacks: {
              title: function (item) { return judulTooltip[item[0].dataIndex]; },
              label: function (c) { return c.dataset.label + ": " + c.dataset.teks[c.dataIndex]; }
            }
          }
        }
      },
      plugins: [garisSeratus]
    };
  }

  var pembuat = {
    program: function (d) {
      if (!d.kode.length) { return null; }
      var label = d.kode.map(function (kode, i) { return pecah((kode ? kode + " " : "") + d.nama[i], 38); });
      var judul = d.kode.map(function (kode, i) { return (kode ? kode + " " : "") + d.nama[i]; });
      return {
        tinggi: Math.max(180, d.kode.length * 52 + 90),
        konfig: batangKRp("Capaian kinerja (K)", "Serapan anggaran (Rp)", label, judul, d.k, d.rp, d.teks_k, d.teks_rp)
      };
    },
    pd: function (d) {
      if (!d.nama.length) { return null; }
      var label = d.nama.map(function (n) { return pecah(n, 38); });
      return {
        tinggi: Math.max(180, d.nama.length * 56 + 90),
        konfig: batangKRp("Capaian K terhadap target s.d. triwulan", "Serapan Rp terhadap target s.d. triwulan", label, d.nama, d.k, d.rp, d.teks_k, d.teks_rp)
      };
    },
    // Quarter on quarter: the previous quarter's pace beside this quarter's, per agency.
    banding: function (d) {
      if (!d.nama.length) { return null; }
      var label = d.nama.map(function (n) { return pecah(n, 38); });
      return {
        tinggi: Math.max(180, d.nama.length * 44 + 90),
        konfig: {
          type: "bar",
          data: {
            labels: label,
            datasets: [
              { label: d.label_lalu, data: d.lalu, teks: d.teks_lalu, backgroundColor: ABU, barPercentage: 0.9, categoryPercentage: 0.8 },
              { label: d.label_kini, data: d.kini, teks: d.teks_kini, backgroundColor: BIRU, barPercentage: 0.9, categoryPercentage: 0.8 }
            ]
          },
          options: {
            indexAxis: "y",
            maintainAspectRatio: false,
            layout: { padding: { top: 14 } },
            scales: {
              x: { beginAtZero: true, suggestedMax: 110, ticks: { callback: function (v) { return tik(v); } },
                   title: { display: true, text: "Persen terhadap target s.d. triwulan (garis putus-putus: 100%)" } },
              y: { ticks: { autoSkip: false } }
            },
            plugins: {
              legend: { position: "top" },
              tooltip: {
                callbacks: {
                  title: function (item) { return d.nama[item[0].dataIndex]; },
                  label: function (c) { return c.dataset.label + ": " + c.dataset.teks[c.dataIndex]; }
                }
              }
            }
          },
          plugins: [garisSeratus]
        }
      };
    },
    sebaran: function (d) {
      return {
        tinggi: 280,
        konfig: {
          type: "doughnut",
          data: {
            labels: d.label,
            datasets: [{
              label: "Jumlah indikator",
              data: d.jumlah,
              backgroundColor: d.kelas.map(function (k) { return WARNA_PREDIKAT[k] || ABU; })
            }]
          },
          options: {
            maintainAspectRatio: false,
            plugins: {
              legend: { position: "right" },
              tooltip: {
                callbacks: { label: function (c) { return c.label + ": " + d.teks[c.dataIndex] + " indikator"; } }
              }
            }
          }
        }
      };
    },
    status: function (d) {
      return {
        tinggi: 220,
        konfig: {
          type: "bar",
          data: {
            labels: d.label,
            datasets: [{
              label: "Jumlah perangkat daerah",
              data: d.jumlah,
              backgroundColor: d.kelas.map(function (k) { return WARNA_STATUS[k] || ABU; })
            }]
          },
          options: {
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: function (c) { return d.teks[c.dataIndex] + " perangkat daerah"; } } }
            }
          }
        }
      };
    }
  };

  document.querySelectorAll("[data-grafik]").forEach(function (wadah) {
    var buat = pembuat[wadah.getAttribute("data-grafik")];
    var sumber = document.getElementById(wadah.getAttribute("data-sumber"));
    var kanvas = wadah.querySelector("canvas");
    if (!buat || !sumber || !kanvas) { return; }
    var data = JSON.parse(sumber.textContent);
    var hasil = buat(data);
    if (!hasil) { return; }
    // Sizing through the CSSOM (allowed by the CSP's style-src 'self'; only style attributes in the
    // markup are not). Chart.js's responsive mode fills this relatively positioned box.
    wadah.hidden = false;
    wadah.style.position = "relative";
    wadah.style.height = hasil.tinggi + "px";
    wadah.style.marginBottom = "0.5rem";
    new Chart(kanvas, hasil.konfig);
    // The chart now shows the numbers; the fallback table stays one click away.
    var tabel = wadah.nextElementSibling;
    if (tabel && tabel.tagName === "DETAILS" && tabel.classList.contains("tabel-grafik")) { tabel.open = false; }
  });
})();
