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
  // No animation: a chart shows its numbers at once (and prints and screenshots as shown).
  Chart.defaults.animation = false;
  // A phone: shorter label lines, the legend under a doughnut.
  var SEMPIT = window.matchMedia("(max-width: 760px)").matches;
  var LEBAR_LABEL = SEMPIT ? 20 : 38;

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

  // Each bar's value as the server wrote it (dataset.teks), at the end of the bar; inside it where the
  // end is too near the edge. A doughnut's at the middle of its slice.
  var labelNilai = {
    id: "labelNilai",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var datar = chart.options.indexAxis === "y";
      ctx.save();
      ctx.font = "11px " + Chart.defaults.font.family;
      ctx.textBaseline = "middle";
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (!ds.teks || meta.hidden) { return; }
        meta.data.forEach(function (el, j) {
          var teks = ds.teks[j];
          if (!teks || teks === "-" || ds.data[j] === null) { return; }
          var lebar = ctx.measureText(teks).width;
          if (meta.type === "doughnut") {
            if (!ds.data[j]) { return; }
            var pos = el.tooltipPosition();
            ctx.fillStyle = "#fff";
            ctx.textAlign = "center";
            ctx.fillText(teks, pos.x, pos.y);
          } else if (datar) {
            var x = el.x + 4;
            ctx.textAlign = "left";
            ctx.fillStyle = "#1b2430";
            if (x + lebar > area.right) { x = el.x - 4; ctx.textAlign = "right"; ctx.fillStyle = "#fff"; }
            ctx.fillText(teks, x, el.y);
          } else {
            ctx.textAlign = "center";
            ctx.fillStyle = "#1b2430";
            ctx.fillText(teks, el.x, Math.max(el.y - 8, area.top + 6));
          }
        });
      });
      ctx.restore();
    }
  };

  // Where each bar should be by this quarter (dataset.harapan, from the server's rules core): a solid
  // black mark across the bar.
  var tandaHarapan = {
    id: "tandaHarapan",
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#1b2430";
      ctx.lineWidth = 2;
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (!ds.harapan || meta.hidden) { return; }
        meta.data.forEach(function (el, j) {
          var h = ds.harapan[j];
          if (h === null || h === undefined) { return; }
          var px = x.getPixelForValue(h);
          var setengah = (el.height || 10) / 2 + 2;
          ctx.beginPath();
          ctx.moveTo(px, el.y - setengah);
          ctx.lineTo(px, el.y + setengah);
          ctx.stroke();
        });
      });
      ctx.restore();
    }
  };

  // A dashed vertical line at 100 % on the value axis of a horizontal bar chart; with `garis` (from the
  // server) it is labelled as the expected-by-this-quarter line.
  function garisSeratus(garis) {
    return {
    id: "garisSeratus",
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x;
      var nilai = garis ? garis.nilai : 100;
      if (!x || x.max < nilai) { return; }
      var px = x.getPixelForValue(nilai);
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
      ctx.fillText(garis ? garis.teks : "100%", px, area.top - 4);
      ctx.restore();
    }
    };
  }

  function batangKRp(judulK, judulRp, label, judulTooltip, k, rp, teksK, teksRp, tambahan) {
    var t = tambahan || {};
    var judulSumbu = t.garis ? "Persen (garis putus-putus: " + t.garis.teks + ")"
      : t.harapanK ? "Persen dari target tahun (garis putus-putus: 100%; tanda hitam: " + t.labelHarapan + ")"
      : "Persen (garis putus-putus: 100%)";
    return {
      type: "bar",
      data: {
        labels: label,
        datasets: [
          { label: judulK, data: k, teks: teksK, harapan: t.harapanK, teksHarapan: t.teksHarapanK, backgroundColor: BIRU, barPercentage: 0.9, categoryPercentage: 0.8 },
          { label: judulRp, data: rp, teks: teksRp, harapan: t.harapanRp, teksHarapan: t.teksHarapanRp, backgroundColor: JINGGA, barPercentage: 0.9, categoryPercentage: 0.8 }
        ]
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        layout: { padding: { top: 14 } },
        scales: {
          x: {
            beginAtZero: true,
            suggestedMax: 125, // keeps the 100 % line, its label and the value labels off the right edge
            ticks: { callback: function (v) { return tik(v); } },
            title: { display: true, text: judulSumbu }
          },
          y: { ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { position: "top" },
          tooltip: {
            callbacks: {
              title: function (item) { return judulTooltip[item[0].dataIndex]; },
              label: function (c) {
                var h = c.dataset.teksHarapan ? " (harapan " + c.dataset.teksHarapan[c.dataIndex] + ")" : "";
                return c.dataset.label + ": " + c.dataset.teks[c.dataIndex] + h;
              }
            }
          }
        }
      },
      plugins: [garisSeratus(t.garis), tandaHarapan, labelNilai]
    };
  }

  var pembuat = {
    program: function (d) {
      if (!d.kode.length) { return null; }
      var label = d.kode.map(function (kode, i) { return pecah((kode ? kode + " " : "") + d.nama[i], LEBAR_LABEL); });
      var judul = d.kode.map(function (kode, i) { return (kode ? kode + " " : "") + d.nama[i]; });
      return {
        tinggi: Math.max(180, d.kode.length * 52 + 90),
        konfig: batangKRp("Capaian kinerja (K)", "Serapan anggaran (Rp)", label, judul, d.k, d.rp, d.teks_k, d.teks_rp, {
          harapanK: d.harapan_k, harapanRp: d.harapan_rp, teksHarapanK: d.teks_harapan_k,
          teksHarapanRp: d.teks_harapan_rp, labelHarapan: d.label_harapan
        })
      };
    },
    pd: function (d) {
      if (!d.nama.length) { return null; }
      var label = d.nama.map(function (n) { return pecah(n, LEBAR_LABEL); });
      return {
        tinggi: Math.max(180, d.nama.length * 56 + 90),
        konfig: batangKRp("Capaian K terhadap target s.d. triwulan", "Serapan Rp terhadap target s.d. triwulan", label, d.nama, d.k, d.rp, d.teks_k, d.teks_rp, { garis: d.garis })
      };
    },
    // Quarter on quarter: the previous quarter's pace beside this quarter's, per agency.
    banding: function (d) {
      if (!d.nama.length) { return null; }
      var label = d.nama.map(function (n) { return pecah(n, LEBAR_LABEL); });
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
              x: { beginAtZero: true, suggestedMax: 125, ticks: { callback: function (v) { return tik(v); } },
                   title: { display: true, text: "Persen terhadap target s.d. triwulan (garis putus-putus: " + d.garis.teks + ")" } },
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
          plugins: [garisSeratus(d.garis), labelNilai]
        }
      };
    },
    sebaran: function (d) {
      return {
        tinggi: SEMPIT ? 380 : 280,
        konfig: {
          type: "doughnut",
          data: {
            labels: d.label,
            datasets: [{
              label: "Jumlah indikator",
              data: d.jumlah,
              teks: d.teks,
              backgroundColor: d.kelas.map(function (k) { return WARNA_PREDIKAT[k] || ABU; })
            }]
          },
          plugins: [labelNilai],
          options: {
            maintainAspectRatio: false,
            plugins: {
              legend: { position: SEMPIT ? "bottom" : "right" },
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
              teks: d.teks,
              backgroundColor: d.kelas.map(function (k) { return WARNA_STATUS[k] || ABU; })
            }]
          },
          plugins: [labelNilai],
          options: {
            maintainAspectRatio: false,
            layout: { padding: { top: 16 } },
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
    // Per chart as well: a doughnut's own defaults (animateRotate) would otherwise win over the global one.
    hasil.konfig.options.animation = false;
    new Chart(kanvas, hasil.konfig);
    // The chart now shows the numbers; the fallback table stays one click away.
    var tabel = wadah.nextElementSibling;
    if (tabel && tabel.tagName === "DETAILS" && tabel.classList.contains("tabel-grafik")) { tabel.open = false; }
  });
})();
