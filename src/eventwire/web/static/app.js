// eventwire web UI: draws the charts from the JSON each page embeds (no inline script runs).
"use strict";

function readData(element) {
  const source = document.getElementById(element.dataset.source);
  return source ? JSON.parse(source.textContent) : [];
}

function seconds(text) {
  return Date.parse(text) / 1000;
}

// uPlot's own range for a time axis with one point spans years: pad the data's span instead.
function paddedRange(times, least) {
  const first = Math.min(...times), last = Math.max(...times);
  const pad = Math.max(least, (last - first) * 0.05);
  return () => [first - pad, last + pad];
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
      x: { time: true, range: paddedRange(times, 3600) },
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
  const times = days.map((d) => seconds(d.day));
  const options = {
    width: Math.max(320, element.clientWidth || 600), height: 220,
    scales: { x: { time: true, range: paddedRange(times, 86400) }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    series: [{}, { label: element.dataset.label || "count", stroke: "#0b5cad", points: { show: true, size: 8 } }],
  };
  return new uPlot(options, [times, days.map((d) => d.count)], element);
}

const CHARTS = { timeline: timelineChart, days: daysChart };

document.querySelectorAll("[data-chart]").forEach((element) => {
  const draw = CHARTS[element.dataset.chart];
  if (draw && typeof uPlot !== "undefined") {
    draw(element, readData(element));
  }
});
