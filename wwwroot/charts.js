// The UI's two drawing helpers, called from Blazor through JS interop: Chart.js charts (kept per canvas and
// updated in place, so a live page does not flicker) and the weights heat map on a plain canvas.
window.applianceCharts = (() => {
  const charts = new WeakMap();

  function draw(canvas, config) {
    if (!canvas || typeof Chart === "undefined") return;
    const existing = charts.get(canvas);
    if (existing && existing.config.type === config.type) {
      existing.data = config.data;
      existing.update("none");
      return;
    }
    existing?.destroy();
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
    charts.set(canvas, new Chart(canvas, config));
  }

  // rows: validator uids (one row each), columns: every uid; cells: [row, column, value in 0..65535].
  function heatmap(canvas, rows, columns, cells) {
    if (!canvas) return;
    const style = getComputedStyle(document.documentElement);
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    canvas.width = width * ratio; canvas.height = height * ratio;
    const g = canvas.getContext("2d");
    g.scale(ratio, ratio);
    g.fillStyle = style.getPropertyValue("--bg"); g.fillRect(0, 0, width, height);
    if (rows.length === 0 || columns === 0) return;
    const cw = width / columns, ch = height / rows.length;
    g.fillStyle = style.getPropertyValue("--accent");
    for (const [row, column, value] of cells) {
      g.globalAlpha = Math.max(0.08, value / 65535);
      g.fillRect(column * cw, row * ch, Math.max(cw, 1), Math.max(ch, 1));
    }
    g.globalAlpha = 1;
  }

  return { draw, heatmap };
})();
