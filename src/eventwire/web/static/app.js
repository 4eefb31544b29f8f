// eventwire web UI: draws the charts from the JSON each page embeds (no inline script runs).
"use strict";

function readData(element) {
  const source = document.getElementById(element.dataset.source);
  return source ? JSON.parse(source.textContent) : [];
}

function seconds(text) {
  return Date.parse(text) / 1000;
}

function timelineChart(element, items) {
  const outlets = [...new Set(items.map((item) => item.outlet))];
  const times = [...new Set(items.map((item) => seconds(item.published)))].sort((a, b) => a - b);
  const series = outlets.map((outlet, index) =>
    times.map((time) =>
      items.some((item) => item.outlet === outlet && seconds(item.published) === time) ? index + 1 : null));
  const palette = ["#0b5cad", "#b45309", "#15803d", "#7c3aed", "#be123c", "#0f766e"];
  const options = {
    width: Math.max(320, element.clientWidth || 600), height: 220,
    scales: {
      x: { time: true, range: (u, min, max) => (min === max ? [min - 3600, max + 3600] : [min, max]) },
      y: { range: [0, outlets.length + 1] },
    },
    axes: [{}, { values: (u, ticks) => ticks.map((t) => outlets[t - 1] || ""), size: 120 }],
    series: [{}, ...outlets.map((outlet, index) => ({
      label: outlet, stroke: palette[index % palette.length], paths: () => null,
      points: { show: true, size: 10, fill: palette[index % palette.length] },
    }))],
  };
  return new uPlot(options, [times, ...series], element);
}

function daysChart(element, days) {
  const options = {
    width: Math.max(320, element.clientWidth || 600), height: 220,
    scales: { x: { time: true, range: (u, min, max) => (min === max ? [min - 86400, max + 86400] : [min, max]) } },
    series: [{}, { label: element.dataset.label || "count", stroke: "#0b5cad", points: { show: true } }],
  };
  return new uPlot(options, [days.map((d) => seconds(d.day)), days.map((d) => d.count)], element);
}

const CHARTS = { timeline: timelineChart, days: daysChart };

document.querySelectorAll("[data-chart]").forEach((element) => {
  const draw = CHARTS[element.dataset.chart];
  if (draw && typeof uPlot !== "undefined") {
    draw(element, readData(element));
  }
});
