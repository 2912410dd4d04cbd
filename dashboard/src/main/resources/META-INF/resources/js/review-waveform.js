// <review-waveform>: a stored waveform around one moment (an alarm or marker), drawn once on a plain canvas
// over a grid, with its time scale (seconds from the moment, which is the vertical line at 0) and its value
// scale (e.g. mV for ECG). The server sends setData(label, unit, color, b64 times, b64 values): both base64
// little-endian Float32, times in milliseconds from the moment; or, for evenly spaced samples, setRegular(label, unit,
// color, first ms, step ms, b64 values), the times made here.
const PAD = { left: 52, right: 10, top: 18, bottom: 24 };

function floats(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** A tick step of 1, 2 or 5 times a power of ten giving about {@code n} ticks over {@code span}. */
function niceStep(span, n) {
  const raw = span / Math.max(1, n);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

class ReviewWaveform extends HTMLElement {
  connectedCallback() {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.style.width = '100%';
      this.canvas.style.height = '100%';
      this.canvas.style.display = 'block';
      this.appendChild(this.canvas);
      new ResizeObserver(() => this.draw()).observe(this);
    }
    this.draw();
  }

  setData(label, unit, color, b64Times, b64Values) {
    this.show(label, unit, color, () => floats(b64Times), b64Values);
  }

  /** Evenly spaced samples: the first one's time and the spacing (ms from the moment), then the values. */
  setRegular(label, unit, color, firstMs, stepMs, b64Values) {
    this.show(label, unit, color, n => {
      const t = new Float32Array(n);
      for (let i = 0; i < n; i++) t[i] = firstMs + i * stepMs;
      return t;
    }, b64Values);
  }

  show(label, unit, color, times, b64Values) {
    const arrived = performance.now();
    this.label = label;
    this.unit = unit;
    this.color = color;
    this.values = floats(b64Values);
    this.times = times(this.values.length);
    const decoded = performance.now();
    this.draw();
    // when the data came, was decoded and drawn (performance.now()), for the review benchmark
    this.timing = { arrived, decoded, drawn: performance.now() };
  }

  /** Empties the trace until the next setData (the dialog is shown again for another moment). */
  clear() {
    this.times = null;
    this.values = null;
    this.timing = null;
    delete this.dataset.drawn;
    this.draw();
  }

  /** How many samples are drawn, for tests. */
  get samples() {
    return this.values ? this.values.length : 0;
  }

  draw() {
    const c = this.canvas;
    if (!c) return;
    const dpr = devicePixelRatio || 1;
    const w = Math.max(1, Math.round(c.clientWidth * dpr));
    const h = Math.max(1, Math.round(c.clientHeight * dpr));
    if (c.width !== w || c.height !== h) { c.width = w; c.height = h; }
    const g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const cw = w / dpr, ch = h / dpr;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, cw, ch);
    if (!this.values || this.values.length < 2) {
      g.fillStyle = '#666';
      g.font = '14px sans-serif';
      g.fillText(this.values ? 'No stored samples in this window.' : '', PAD.left, ch / 2);
      return;
    }
    const t0 = this.times[0], t1 = this.times[this.times.length - 1];
    let lo = Infinity, hi = -Infinity;
    for (const v of this.values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (hi - lo < 1e-6) { hi += 0.5; lo -= 0.5; }
    const ySpan = hi - lo;
    lo -= ySpan * 0.08;
    hi += ySpan * 0.08;
    const pw = cw - PAD.left - PAD.right, ph = ch - PAD.top - PAD.bottom;
    const xOf = t => PAD.left + (t - t0) / (t1 - t0) * pw;
    const yOf = v => PAD.top + (hi - v) / (hi - lo) * ph;

    // grid: ECG-paper pink for mV, grey otherwise; minor lines at a fifth of the labelled step
    const mv = this.unit === 'mV';
    const yStep = mv ? (hi - lo > 6 ? 1 : 0.5) : niceStep(hi - lo, 5);
    const xStep = niceStep((t1 - t0) / 1000, 10) * 1000;
    g.lineWidth = 1;
    for (const [step, alpha] of [[xStep / 5, 0.25], [xStep, 0.7]]) {
      g.strokeStyle = mv ? `rgba(231, 76, 60, ${alpha * 0.5})` : `rgba(0, 0, 0, ${alpha * 0.2})`;
      g.beginPath();
      for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) { g.moveTo(xOf(t), PAD.top); g.lineTo(xOf(t), PAD.top + ph); }
      g.stroke();
    }
    for (const [step, alpha] of [[yStep / 5, 0.25], [yStep, 0.7]]) {
      g.strokeStyle = mv ? `rgba(231, 76, 60, ${alpha * 0.5})` : `rgba(0, 0, 0, ${alpha * 0.2})`;
      g.beginPath();
      for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) { g.moveTo(PAD.left, yOf(v)); g.lineTo(PAD.left + pw, yOf(v)); }
      g.stroke();
    }
    // scales
    g.fillStyle = '#333';
    g.font = '11px sans-serif';
    g.textAlign = 'center';
    for (let t = Math.ceil(t0 / xStep) * xStep; t <= t1; t += xStep) {
      g.fillText(`${(t / 1000).toFixed(xStep < 1000 ? 1 : 0)} s`, xOf(t), ch - 8);
    }
    g.textAlign = 'right';
    const decimals = yStep < 1 ? 1 : 0;
    for (let v = Math.ceil(lo / yStep) * yStep; v <= hi; v += yStep) {
      g.fillText(`${v.toFixed(decimals)}${mv ? ' mV' : ''}`, PAD.left - 4, yOf(v) + 4);
    }
    g.textAlign = 'left';
    g.font = 'bold 12px sans-serif';
    g.fillText(this.label || '', PAD.left + 4, 13);
    // the moment itself
    if (t0 <= 0 && t1 >= 0) {
      g.strokeStyle = '#8e44ad';
      g.lineWidth = 1.5;
      g.setLineDash([5, 4]);
      g.beginPath();
      g.moveTo(xOf(0), PAD.top);
      g.lineTo(xOf(0), PAD.top + ph);
      g.stroke();
      g.setLineDash([]);
    }
    // the trace; a gap in the samples (more than 4 sample periods) breaks the line
    const dt = (t1 - t0) / (this.times.length - 1);
    g.strokeStyle = this.color || '#000';
    g.lineWidth = 1.2;
    g.beginPath();
    for (let i = 0; i < this.values.length; i++) {
      const x = xOf(this.times[i]), y = yOf(this.values[i]);
      if (i === 0 || this.times[i] - this.times[i - 1] > 4 * dt) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.stroke();
    this.dataset.drawn = String(this.values.length);
  }
}

customElements.define('review-waveform', ReviewWaveform);
