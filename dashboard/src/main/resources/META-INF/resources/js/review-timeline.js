// <review-timeline>: one session's record as stacked uPlot panels sharing one time axis (minutes from the
// infusion start). The server sends the panels as JSON (setData); zooming one panel (drag to select, mouse
// wheel) zooms every panel, "Reset zoom" shows the whole session again. Events are vertical lines across all
// panels with a tooltip; clicking an alarm or marker line fires 'event-click' {index}, the pointer coming to rest on
// one 'event-hover' {index} (the server asks for its ECG before the click). When the overview was
// downsampled, a zoom fires 'range-change' {from, to} and the server answers with full resolution (showDetail).
// Once the panels of new data are drawn (the frame after they are built) it fires 'timeline-drawn': the server asks
// for the record's ECG windows only then, so that they do not compete with the page's start.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const UPLOT_CSS = '/webjars/uplot/1.6.30/dist/uPlot.min.css';
const COLORS = {
  ALARM_RAISED: '#c0392b', ALARM_ACKNOWLEDGED: '#e67e22', ALARM_OTHER: '#d98880', MARKER: '#8e44ad',
  NOTE: '#2471a3', DEVIATION: '#a04000', SESSION: '#7f8c8d', INFUSION: '#16a085',
};
const DASHED = new Set(['ALARM_ACKNOWLEDGED', 'ALARM_OTHER', 'SESSION']);
const HIT_PX = 5;

function loadCss() {
  if (!document.querySelector(`link[href="${UPLOT_CSS}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = UPLOT_CSS;
    document.head.appendChild(link);
  }
}

class ReviewTimeline extends HTMLElement {
  constructor() {
    super();
    this.plots = [];
    this.data = null;
    this.syncing = false;
  }

  connectedCallback() {
    loadCss();
    if (!this.resizer) {
      this.resizer = new ResizeObserver(() => this.resize());
      this.resizer.observe(this);
    }
    if (this.data && this.plots.length === 0) this.build();
  }

  disconnectedCallback() {
    this.plots.forEach(p => p.destroy());
    this.plots = [];
  }

  /** The whole record's overview: {from, to, lossy, axis, panels: [{id, title, y, y2, series: [...]}], events: [...]}. */
  setData(json) {
    this.data = JSON.parse(json);
    this.detail = null;
    this.announced = false;
    if (this.isConnected) this.build();
  }

  /** Full-resolution series for [from, to] (same panels and series order as the overview). */
  showDetail(json) {
    const d = JSON.parse(json);
    if (!this.data || !this.plots || !this.plots[0]) return;
    // an answer to an earlier zoom (the station's, for a long record) that no longer covers the view is dropped
    // (times in minutes, rounded to 4 decimals by the server: 6 ms of tolerance)
    const { min, max } = this.plots[0].scales.x;
    if (d.from > min + 1e-4 || d.to < max - 1e-4) return;
    this.detail = d;
    this.apply(d.panels);
  }

  resetZoom() {
    this.zoom(this.data.from, this.data.to);
  }

  /** The current x range, for tests. */
  get range() {
    const x = this.plots.length ? this.plots[0].scales.x : null;
    return x ? { from: x.min, to: x.max } : null;
  }

  build() {
    this.plots.forEach(p => p.destroy());
    this.plots = [];
    this.replaceChildren();
    const bar = document.createElement('div');
    bar.className = 'timeline-bar';
    const reset = document.createElement('button');
    reset.id = 'timeline-reset';
    reset.textContent = this.data.resetZoom;
    reset.addEventListener('click', () => this.resetZoom());
    const autoLabel = document.createElement('label');
    const auto = document.createElement('input');
    auto.type = 'checkbox';
    auto.id = 'timeline-auto-scale';
    auto.checked = !!this.autoScale;
    auto.addEventListener('change', () => {
      const x = this.range;
      this.autoScale = auto.checked;
      this.build();
      if (x) this.zoom(x.from, x.to);
    });
    autoLabel.append(auto, document.createTextNode(' ' + this.data.autoScale));
    const hint = document.createElement('span');
    hint.textContent = `${this.data.axis}. ${this.data.zoomHint}`;
    bar.append(reset, autoLabel, hint);
    this.tip = document.createElement('div');
    this.tip.className = 'timeline-tip';
    this.tip.hidden = true;
    this.append(bar, this.tip);
    const width = this.plotWidth();
    for (const panel of this.data.panels) {
      const box = document.createElement('div');
      box.className = 'timeline-panel';
      box.dataset.panel = panel.id;
      const title = document.createElement('div');
      title.className = 'timeline-title';
      title.textContent = panel.title;
      box.appendChild(title);
      this.appendChild(box);
      this.plots.push(new uPlot(this.options(panel, width), this.aligned(panel.series), box));
    }
    this.plots.forEach(p => this.listen(p));
    if (!this.announced) {
      this.announced = true;
      requestAnimationFrame(() => this.dispatchEvent(new CustomEvent('timeline-drawn')));
    }
  }

  plotWidth() {
    return Math.max(300, this.clientWidth || 900);
  }

  resize() {
    const w = this.plotWidth();
    this.plots.forEach(p => { if (Math.abs(p.width - w) > 2) p.setSize({ width: w, height: p.height }); });
  }

  /** uPlot's column data: the session's range plus every series' own times, joined. */
  aligned(series) {
    const tables = [[[this.data.from, this.data.to]]];
    for (const s of series) tables.push([s.t, s.v]);
    return uPlot.join(tables);
  }

  options(panel, width) {
    // the legend: with the pointer on a panel, the time under it ("At T+12.5 min") and each line's value there (a
    // line without a value at that time: "-"); without a pointer the lines' names only, no empty value fields (CSS
    // hides an empty value and the time's entry)
    const series = [{ label: this.data.cursor || '', value: (u, v, si, idx) => idx == null || v == null ? '' : this.fromStart(v) }];
    for (const s of panel.series) {
      const o = { label: s.label, stroke: s.color, scale: s.scale, width: 1.5,
        value: (u, v, si, idx) => idx == null ? '' : (v == null ? '-' : v.toFixed(s.decimals)) };
      if (s.style === 'points') {
        o.paths = () => null;
        o.points = { show: true, size: 7, fill: s.color, stroke: s.color };
      } else if (s.style === 'step') {
        o.paths = uPlot.paths.stepped({ align: 1 });
        o.points = { show: false };
      } else if (s.style === 'dash') {
        o.dash = [6, 4];
        o.points = { show: false };
      } else if (s.style === 'linepoints') {
        o.points = { show: true, size: 6, fill: s.color };
      } else {
        o.points = { show: false };
      }
      series.push(o);
    }
    // every panel reserves the same axis widths left and right, so the time axes line up across panels
    const axes = [{ label: panel.last ? this.data.axis : undefined, size: panel.last ? 44 : 28 },
      { scale: 'y', label: panel.y, size: 60 }];
    if (panel.series.some(s => s.scale === 'y2')) {
      axes.push({ scale: 'y2', label: panel.y2, side: 1, size: 60, grid: { show: false } });
    } else {
      axes.push({ scale: 'y', side: 1, size: 60, label: ' ', grid: { show: false }, ticks: { show: false }, values: () => [] });
    }
    // clinically fixed ranges (from the server) unless auto-scale is asked for
    const range = r => (!this.autoScale && r) ? { range: [r[0], r[1]] } : { auto: true };
    return {
      width, height: panel.height, series, axes,
      scales: { x: { time: false }, y: range(panel.yRange), y2: range(panel.y2Range) },
      cursor: { sync: { key: 'review-timeline', scales: ['x', null] }, drag: { x: true, y: false, setScale: true } },
      legend: { live: true },
      hooks: {
        draw: [u => this.drawEvents(u)],
        setScale: [(u, key) => { if (key === 'x') this.scaled(u); }],
      },
    };
  }

  /** Minutes from the infusion start as the events list writes them, e.g. "T+12.5 min", "T-3.0 min". */
  fromStart(v) {
    return 'T' + (v < 0 ? '-' : '+') + Math.abs(v).toFixed(1) + ' ' + (this.data.unit || '');
  }

  listen(u) {
    u.over.addEventListener('wheel', e => {
      e.preventDefault();
      const x = u.scales.x;
      const at = u.posToVal(e.offsetX, 'x');
      const f = e.deltaY < 0 ? 0.8 : 1.25;
      this.zoom(at - (at - x.min) * f, at + (x.max - at) * f);
    }, { passive: false });
    u.over.addEventListener('mousemove', e => this.hover(u, e));
    u.over.addEventListener('mouseleave', () => { this.tip.hidden = true; });
    u.over.addEventListener('click', e => {
      const ev = this.near(u, e.offsetX);
      if (ev && ev.clickable) {
        this.dispatchEvent(new CustomEvent('event-click', { detail: { index: ev.i } }));
      }
    });
  }

  zoom(from, to) {
    const lo = this.data.from, hi = this.data.to;
    from = Math.max(lo, from);
    to = Math.min(hi, to);
    if (to - from < 0.05) return;
    this.plots[0].setScale('x', { min: from, max: to });
  }

  /** One panel's x scale changed: the others follow; a zoomed range asks the server for detail. */
  scaled(u) {
    if (this.syncing) return;
    this.syncing = true;
    const { min, max } = u.scales.x;
    try {
      this.plots.forEach(p => { if (p !== u) p.setScale('x', { min, max }); });
    } finally {
      this.syncing = false;
    }
    this.dataset.from = min.toFixed(2);
    this.dataset.to = max.toFixed(2);
    const whole = min <= this.data.from + 1e-6 && max >= this.data.to - 1e-6;
    if (whole) {
      if (this.detail) {
        this.detail = null;
        this.apply(this.data.panels);
      }
    } else if (this.data.lossy && !(this.detail && this.detail.from <= min && this.detail.to >= max)) {
      if (this.detail) {
        this.detail = null;
        this.apply(this.data.panels);
      }
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.dispatchEvent(new CustomEvent('range-change', { detail: { from: min, to: max } })), 250);
    }
  }

  /** New series data for every panel, keeping the zoom. */
  apply(panels) {
    panels.forEach((panel, i) => {
      const p = this.plots[i];
      if (!p) return;
      const { min, max } = p.scales.x;
      p.setData(this.aligned(panel.series), false);
      this.syncing = true;
      try {
        p.setScale('x', { min, max });
      } finally {
        this.syncing = false;
      }
    });
  }

  drawEvents(u) {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    for (const ev of this.data.events) {
      const x = Math.round(u.valToPos(ev.t, 'x', true));
      if (x < left || x > left + width) continue;
      ctx.strokeStyle = COLORS[ev.c] || '#555';
      ctx.lineWidth = (ev.clickable ? 2 : 1) * devicePixelRatio;
      ctx.setLineDash(DASHED.has(ev.c) ? [4 * devicePixelRatio, 3 * devicePixelRatio] : []);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  }

  near(u, offsetX) {
    let best = null, bestDx = HIT_PX + 1;
    for (const ev of this.data.events) {
      const dx = Math.abs(u.valToPos(ev.t, 'x') - offsetX);
      if (dx < bestDx) { best = ev; bestDx = dx; }
    }
    return best;
  }

  hover(u, e) {
    const ev = this.near(u, e.offsetX);
    u.over.style.cursor = ev && ev.clickable ? 'pointer' : '';
    // the pointer on an alarm or marker line: the server asks for its ECG before the click ('event-hover' {index})
    const wave = ev && ev.clickable ? ev : null;
    if (wave && wave !== this.hovered) {
      this.dispatchEvent(new CustomEvent('event-hover', { detail: { index: wave.i } }));
    }
    this.hovered = wave;
    if (!ev) {
      this.tip.hidden = true;
      return;
    }
    this.tip.textContent = ev.label;
    this.tip.hidden = false;
    const host = this.getBoundingClientRect();
    const over = u.over.getBoundingClientRect();
    this.tip.style.left = `${Math.min(over.left - host.left + e.offsetX + 12, host.width - 320)}px`;
    this.tip.style.top = `${over.top - host.top + e.offsetY + 12}px`;
  }
}

customElements.define('review-timeline', ReviewTimeline);
