// Short audible cues within browser rules: the AudioContext is created or resumed on the first
// user interaction (tap or key), after which the server may call window.stationBeep(kind).
let ctx = null;
const unlock = () => {
  if (!ctx) ctx = new (window.AudioContext || window.webkitAudioContext)();
  if (ctx.state === 'suspended') ctx.resume();
};
window.addEventListener('pointerdown', unlock, { capture: true });
window.addEventListener('keydown', unlock, { capture: true });

// Pulse onsets in ms after IEC 60601-1-8 (Table 3): high priority a burst of 10 pulses (3 + 2, pause, 3 + 2),
// medium 3 pulses, low 2 pulses; pulses of 150-200 ms, fundamental between 150 and 1000 Hz.
const PATTERNS = {
  high: { freq: 880, ms: 150, at: [0, 250, 500, 850, 1100, 2100, 2350, 2600, 2950, 3200] },
  medium: { freq: 660, ms: 200, at: [0, 300, 600] },
  low: { freq: 440, ms: 200, at: [0, 350] },
  prompt: { freq: 600, ms: 300, at: [0] },
};

window.stationBeep = (kind) => {
  window.stationBeepCount = (window.stationBeepCount || 0) + 1;
  if (!ctx || ctx.state !== 'running') return false;
  const p = PATTERNS[kind] || PATTERNS.prompt;
  for (const offset of p.at) {
    const start = ctx.currentTime + offset / 1000;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = p.freq;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + p.ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + p.ms / 1000);
  }
  return true;
};
