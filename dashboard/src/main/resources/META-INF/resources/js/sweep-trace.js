// <sweep-trace>: a monitor-style sweeping waveform on a plain canvas.
// The server pushes packed samples: push(base64 little-endian Float32, sampleRateHz, firstSampleEpochMs).
// Samples are drawn at their device time, behind the newest data by an adaptive delay, so the sweep runs smoothly:
// the delay is the longest chunk plus the chunks' lag (arrival minus the device time after their last sample) at
// LAG_QUANTILE over the last LAG_WINDOW chunks, plus MARGIN_MS. The cursor never moves back: when the delay grows the
// cursor runs CATCH_UP slower, when it shrinks CATCH_UP faster, until it is there. A chunk later than that does not leave a gap:
// the cursor waits at the newest sample (at most SILENT_MS), and the delay it gained shrinks again afterwards.
// When data stops for SILENT_MS the cursor runs on and erases ahead of itself (a visible gap) and the trace carries
// data-gap (the no-signal state).
// When the element changes size (a layout change) the last window is redrawn at once, not blanked.
// Benchmark hook (bin/benchmark latency): only when the page defines window.stationBenchmark (the benchmark installs
// it before the page loads), each chunk's arrival and the moment its last sample is drawn are recorded there.
const WINDOW_S = 6;
const ERASE_PX = 14;
const LAG_WINDOW = 40;
const LAG_QUANTILE = 0.8;
const MARGIN_MS = 60;
const CATCH_UP = 0.25;
const SILENT_MS = 1500;
const REANCHOR_MS = 3000;

class SweepTrace extends HTMLElement {
  constructor() {
    super();
    this.chunks = [];
    this.offset = null;
    this.target = null;
    this.cursorMs = null;
    this.frameAt = null;
    this.newestMs = -Infinity;
    this.lags = [];
    this.prev = null;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.lastCursorX = null;
    this.lastDataAt = 0;
  }

  connectedCallback() {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.style.width = '100%';
      this.canvas.style.height = '100%';
      this.canvas.style.display = 'block';
      this.appendChild(this.canvas);
    }
    this.running = true;
    const frame = () => {
      if (!this.running) return;
      this.draw();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  disconnectedCallback() {
    this.running = false;
  }

  push(b64, rateHz, firstMs, receivedMs) {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const samples = new Float32Array(bytes.buffer);
    const dt = 1000 / rateHz;
    const endMs = firstMs + samples.length * dt;
    const lag = Date.now() - endMs;
    this.lags.push([lag, samples.length * dt]);
    if (this.lags.length > LAG_WINDOW) this.lags.shift();
    this.target = SweepTrace.delay(this.lags);
    // a new device clock or data after a long silence: start again at the delay
    if (this.cursorMs === null || Math.abs(Date.now() - this.target - this.cursorMs) > REANCHOR_MS) {
      this.cursorMs = Date.now() - this.target;
      this.frameAt = Date.now();
      this.offset = this.target;
      this.newestMs = endMs;
    }
    if (endMs > this.newestMs) this.newestMs = endMs;
    let lo = Infinity, hi = -Infinity;
    for (const v of samples) { if (v < lo) lo = v; if (v > hi) hi = v; }
    this.chunks.push({ t0: firstMs, dt, samples, next: 0, lo, hi });
    this.lastDataAt = Date.now();
    const bench = window.stationBenchmark;
    if (bench) bench.arrivals.push([this.id, endMs, receivedMs, this.lastDataAt]);
    this.rescale();
  }

  /** The delay behind the device clock that keeps the sweep fed: [lag, chunk duration] pairs -> milliseconds. */
  static delay(lags) {
    const sorted = lags.map(l => l[0]).sort((a, b) => a - b);
    const lag = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * LAG_QUANTILE))];
    const longest = Math.max(...lags.map(l => l[1]));
    return Math.max(0, lag) + longest + MARGIN_MS;
  }

  /** Moves the cursor to this frame: at the clock's pace towards now - target, never back, never past the newest data. */
  advance(now) {
    const elapsed = Math.max(0, now - this.frameAt);
    this.frameAt = now;
    const ideal = now - this.target;
    let next = this.cursorMs + elapsed;
    if (next > ideal) {
      next = Math.max(ideal, this.cursorMs + elapsed * (1 - CATCH_UP));
    } else {
      next = Math.min(ideal, this.cursorMs + elapsed * (1 + CATCH_UP));
    }
    // a late chunk: wait at the newest sample rather than sweep into empty space, unless the data has truly stopped
    if (next > this.newestMs && now - this.lastDataAt < SILENT_MS) {
      next = Math.max(this.cursorMs, this.newestMs);
    }
    this.cursorMs = next;
    this.offset = now - next;
    return next;
  }

  rescale() {
    const recent = this.chunks.slice(-40);
    let lo = Math.min(...recent.map(c => c.lo)), hi = Math.max(...recent.map(c => c.hi));
    if (hi - lo < 1e-6) { hi += 0.5; lo -= 0.5; }
    const pad = (hi - lo) * 0.1;
    this.lo = lo - pad;
    this.hi = hi + pad;
  }

  draw() {
    const c = this.canvas;
    const w = Math.max(1, Math.round(c.clientWidth * devicePixelRatio));
    const h = Math.max(1, Math.round(c.clientHeight * devicePixelRatio));
    let resized = false;
    if (c.width !== w || c.height !== h) { c.width = w; c.height = h; this.prev = null; resized = true; }
    if (this.cursorMs === null) return;
    const g = c.getContext('2d');
    const cursorMs = this.advance(Date.now());
    const xOf = t => ((t / 1000) % WINDOW_S) / WINDOW_S * w;
    const cursorX = xOf(cursorMs);
    // samples older than this are not drawn: the gap the cursor erases ahead of itself
    const oldestMs = cursorMs - WINDOW_S * 1000 + (ERASE_PX * devicePixelRatio / w) * WINDOW_S * 1000;
    if (resized) {
      for (const ch of this.chunks) ch.next = 0;
      this.lastCursorX = null;
    }
    this.erase(g, cursorX, w, h);
    g.strokeStyle = this.getAttribute('color') || '#2ecc71';
    g.lineWidth = 2 * devicePixelRatio;
    g.beginPath();
    for (const ch of this.chunks) {
      while (ch.next < ch.samples.length) {
        const t = ch.t0 + ch.next * ch.dt;
        if (t > cursorMs) break;
        if (t < oldestMs) { ch.next++; continue; }
        const x = xOf(t);
        const y = h - (ch.samples[ch.next] - this.lo) / (this.hi - this.lo) * h;
        const p = this.prev;
        if (p && x >= p.x && t - p.t < 4 * ch.dt && t >= p.t) { g.moveTo(p.x, p.y); g.lineTo(x, y); }
        this.prev = { x, y, t };
        ch.next++;
        if (ch.next === ch.samples.length && window.stationBenchmark) {
          window.stationBenchmark.paints.push([this.id, ch.t0 + ch.samples.length * ch.dt, Date.now()]);
        }
      }
    }
    g.stroke();
    this.chunks = this.chunks.filter(ch => ch.next < ch.samples.length || ch.t0 > cursorMs - WINDOW_S * 1000);
    this.toggleAttribute('data-gap', Date.now() - this.lastDataAt > SILENT_MS);
  }

  erase(g, cursorX, w, h) {
    const from = this.lastCursorX === null ? cursorX : this.lastCursorX;
    const to = cursorX + ERASE_PX * devicePixelRatio;
    if (cursorX >= from) {
      g.clearRect(from + 1, 0, to - from, h);
    } else {
      g.clearRect(from + 1, 0, w - from, h);
      g.clearRect(0, 0, to, h);
    }
    this.lastCursorX = cursorX;
  }
}

customElements.define('sweep-trace', SweepTrace);
