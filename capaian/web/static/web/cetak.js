// Print every page whole: closed <details> (the dashboards' tables, programs) open for printing and close
// again afterwards.
(function () {
  "use strict";
  var dibuka = [];
  window.addEventListener("beforeprint", function () {
    dibuka = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    dibuka.forEach(function (d) { d.open = false; });
    dibuka = [];
  });
})();
