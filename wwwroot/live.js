// Live pages without a client framework: every new block (server-sent events from /api/events) the page
// is fetched again and each element marked data-live="name" is replaced by its fresh copy. Sorted tables
// keep their order, charts are drawn again. At most one refresh is in flight; bursts collapse into one.
(() => {
  const sortState = new Map();
  let pending = false, running = false;

  function applySort(table) {
    const state = sortState.get(table.dataset.live);
    if (!state) return;
    const body = table.tBodies[0];
    const rows = [...body.rows];
    const key = (row) => {
      const cell = row.cells[state.column];
      const text = cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
      const number = Number(text.replace(/[^0-9.eE+-]/g, ""));
      return text !== "" && !Number.isNaN(number) && /\d/.test(text) ? number : text.toLowerCase();
    };
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return state.descending ? -order : order;
    });
    rows.forEach((row) => body.appendChild(row));
    table.querySelectorAll("th").forEach((th, i) => {
      th.dataset.sorted = i === state.column ? (state.descending ? "desc" : "asc") : "";
    });
  }

  function wireSorting(root) {
    root.querySelectorAll("table.sortable").forEach((table) => {
      table.querySelectorAll("th").forEach((th, column) => {
        th.addEventListener("click", () => {
          const current = sortState.get(table.dataset.live);
          const descending = current && current.column === column ? !current.descending : true;
          sortState.set(table.dataset.live, { column, descending });
          applySort(table);
        });
      });
      applySort(table);
    });
  }

  const charts = new Map();
  function drawCharts(root) {
    root.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
      if (typeof Chart === "undefined") return;
      const config = JSON.parse(canvas.dataset.chart);
      const existing = charts.get(canvas.id);
      if (existing) existing.destroy();
      config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
      charts.set(canvas.id, new Chart(canvas, config));
    });
  }

  async function refresh() {
    if (running) { pending = true; return; }
    running = true;
    try {
      const response = await fetch(location.href, { headers: { "X-Live-Refresh": "1" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      document.querySelectorAll("[data-live]").forEach((element) => {
        const replacement = fresh.querySelector(`[data-live="${element.dataset.live}"]`);
        if (!replacement || element.contains(document.activeElement)) return;
        element.replaceWith(replacement);
        wireSorting(replacement.parentElement);
        drawCharts(replacement.parentElement);
      });
    } catch (e) {
      console.warn("live refresh failed", e);
    } finally {
      running = false;
      if (pending) { pending = false; setTimeout(refresh, 250); }
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    wireSorting(document);
    drawCharts(document);
    if (!document.querySelector("[data-live]")) return;
    const events = new EventSource("/api/events");
    events.addEventListener("block", refresh);
  });
})();
