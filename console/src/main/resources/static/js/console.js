// ALIZÉ console: charts from data-* attributes (no inline script, the CSP forbids it), and the CSRF
// token on every htmx request.
(function () {
  "use strict";

  function numbers(text) {
    return (text || "").split("|").map(function (v) { return v === "" ? null : Number(v); });
  }

  var euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

  var builders = {
    jobs: function (canvas) {
      var labels = (canvas.dataset.labels || "").split("|");
      var target = Number(canvas.dataset.target);
      return { type: "line", data: { labels: labels, datasets: [
        { label: "Emplois déclarés", data: numbers(canvas.dataset.values), borderColor: "#00507a", backgroundColor: "#00507a" },
        { label: "Emplois prévus", data: labels.map(function () { return target; }), borderColor: "#b34700", borderDash: [6, 4], pointRadius: 0 }
      ] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } };
    },
    outlook: function (canvas) {
      var labels = (canvas.dataset.labels || "").split("|");
      var min = Number(canvas.dataset.min), max = Number(canvas.dataset.max);
      return { type: "line", data: { labels: labels, datasets: [
        { label: "Solde prévu", data: numbers(canvas.dataset.values), borderColor: "#00507a", backgroundColor: "#00507a", pointRadius: 0 },
        { label: "Taille critique (bas)", data: labels.map(function () { return min; }), borderColor: "#1e7b45", borderDash: [6, 4], pointRadius: 0 },
        { label: "Taille critique (haut)", data: labels.map(function () { return max; }), borderColor: "#1e7b45", borderDash: [2, 4], pointRadius: 0 }
      ] }, options: { scales: { y: { ticks: { callback: function (v) { return euro.format(v); } } } } } };
    },
    series: function (canvas) {
      return { type: "bar", data: { labels: (canvas.dataset.labels || "").split("|"), datasets: [
        { type: "bar", label: "Emplois prévus", data: numbers(canvas.dataset.values), backgroundColor: "#00507a" },
        { type: "line", label: "Emplois réalisés", data: numbers(canvas.dataset.values2), borderColor: "#b34700", backgroundColor: "#b34700" }
      ] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } };
    },
    profile: function (canvas) {
      return { type: "bar", data: { labels: (canvas.dataset.labels || "").split("|"), datasets: [
        { label: "Convention (%)", data: numbers(canvas.dataset.values), backgroundColor: "#00507a" },
        { label: "Référence (%)", data: numbers(canvas.dataset.reference), backgroundColor: "#9aa7b4" }
      ] }, options: { scales: { y: { beginAtZero: true, max: 100 } } } };
    }
  };

  function draw(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = "#1b1f24";
    Chart.defaults.locale = "fr-FR";
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var build = builders[canvas.dataset.chart];
      if (build && !canvas.dataset.drawn) {
        canvas.dataset.drawn = "true";
        new Chart(canvas, build(canvas));
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token && header.content) {
      event.detail.headers[header.content] = token.content;
    }
  });
})();
