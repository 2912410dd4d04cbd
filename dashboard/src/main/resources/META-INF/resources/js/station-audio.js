// Short audible cues within browser rules: the AudioContext is created or resumed on the first
// user interaction (tap or key), after which the server may call window.stationBeep(kind).
let ctx = null;
const unlock = () => {
  if (!ctx) ctx = new (window.AudioContext || window.webkitAudioContext)();
  if (ctx.state === 'suspended') ctx.resume();
};
window.addEventListener('pointerdown', unlock, { capture: true });
window.addEventListener('keydown', unlock, { capture: true });

const PATTERNS = {
  high: { freq: 960, beeps: 3, ms: 150 },
  medium: { freq: 720, beeps: 2, ms: 200 },
  low: { freq: 520, beeps: 1, ms: 250 },
  prompt: { freq: 660, beeps: 1, ms: 300 },
};

window.stationBeep = (kind) => {
  window.stationBeepCount = (window.stationBeepCount || 0) + 1;
  if (!ctx || ctx.state !== 'running') return false;
  const p = PATTERNS[kind] || PATTERNS.prompt;
  for (let i = 0; i < p.beeps; i++) {
    const start = ctx.currentTime + i * (p.ms * 1.6) / 1000;
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
