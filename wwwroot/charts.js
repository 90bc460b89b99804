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

  // rows: validator uids (one row each), columns: every uid; cells: [row, column, value in 0..65535]. The axis
  // labels are HTML around the canvas; the canvas draws the shades, each weight as a proportion when the cell
  // is wide enough, and puts the weight under the pointer in its title.
  function heatmap(canvas, rows, columns, cells) {
    if (!canvas) return;
    const style = getComputedStyle(document.documentElement);
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    canvas.width = width * ratio; canvas.height = height * ratio;
    const g = canvas.getContext("2d");
    g.scale(ratio, ratio);
    g.fillStyle = style.getPropertyValue("--bg"); g.fillRect(0, 0, width, height);
    const weights = new Map(cells.map(([row, column, value]) => [row * columns + column, value]));
    canvas.heat = { rows, columns, weights };
    if (!canvas.onmousemove) canvas.onmousemove = event => heatmapTitle(canvas, event);
    if (rows.length === 0 || columns === 0) return;
    const cw = width / columns, ch = height / rows.length;
    const showValues = cw >= 34 && ch >= 14;
    g.font = "11px ui-monospace, monospace"; g.textAlign = "center"; g.textBaseline = "middle";
    for (const [row, column, value] of cells) {
      g.fillStyle = style.getPropertyValue("--accent");
      g.globalAlpha = Math.max(0.08, value / 65535);
      g.fillRect(column * cw, row * ch, Math.max(cw, 1), Math.max(ch, 1));
      if (showValues) {
        g.globalAlpha = 1;
        g.fillStyle = value > 36000 ? "#fff" : style.getPropertyValue("--text");
        g.fillText((value / 65535).toFixed(2), (column + 0.5) * cw, (row + 0.5) * ch);
      }
    }
    g.globalAlpha = 1;
  }

  function heatmapTitle(canvas, event) {
    const { rows, columns, weights } = canvas.heat;
    if (rows.length === 0 || columns === 0) return;
    const column = Math.min(columns - 1, Math.floor(event.offsetX / (canvas.clientWidth / columns)));
    const row = Math.min(rows.length - 1, Math.floor(event.offsetY / (canvas.clientHeight / rows.length)));
    const value = weights.get(row * columns + column);
    canvas.title = `validator uid ${rows[row]} → uid ${column}: ` +
      (value === undefined ? "no weight" : `weight ${(value / 65535).toFixed(4)} (${value} of 65535)`);
  }

  return { draw, heatmap };
})();
