// <vas-line>: a visual analogue scale drawn as a 100 mm line (CSS millimetres), answered by touch, mouse or keyboard.
// Touch or drag along the line; keys: arrows 1 mm, Page Up/Down 10 mm, Home/End the ends, Enter to confirm.
// Fires 'vas-change' (detail.value, 0-100) on every change and 'vas-commit' on Enter. role="slider" for assistive
// technology. Keys it handles do not reach the dialog's own shortcuts.
class VasLine extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.setAttribute('role', 'slider');
    this.setAttribute('tabindex', '0');
    this.setAttribute('aria-valuemin', '0');
    this.setAttribute('aria-valuemax', '100');
    this.track = document.createElement('div');
    this.track.className = 'vas-track';
    this.mark = document.createElement('div');
    this.mark.className = 'vas-mark';
    this.track.appendChild(this.mark);
    this.appendChild(this.track);
    const fromPointer = e => {
      const r = this.track.getBoundingClientRect();
      this.set(Math.round(Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)) * 100));
    };
    this.addEventListener('pointerdown', e => { this.setPointerCapture(e.pointerId); this.dragging = true; fromPointer(e); this.focus(); });
    this.addEventListener('pointermove', e => { if (this.dragging) fromPointer(e); });
    this.addEventListener('pointerup', () => { this.dragging = false; });
    this.addEventListener('keydown', e => {
      const v = this.value === undefined ? 50 : this.value;
      const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 }[e.key];
      if (step !== undefined) this.set(v + step);
      else if (e.key === 'Home') this.set(0);
      else if (e.key === 'End') this.set(100);
      else if (e.key === 'Enter' && this.value !== undefined) this.dispatchEvent(new CustomEvent('vas-commit'));
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
    const initial = this.getAttribute('value');
    if (initial !== null && initial !== '') this.show(Number(initial));
    else { this.setAttribute('aria-valuenow', '0'); this.setAttribute('aria-valuetext', 'not marked yet'); } // a slider needs a value
  }

  set(v) {
    v = Math.min(100, Math.max(0, Math.round(v)));
    this.show(v);
    this.dispatchEvent(new CustomEvent('vas-change', { detail: { value: v } }));
  }

  show(v) {
    this.value = v;
    this.setAttribute('aria-valuenow', String(v));
    this.setAttribute('aria-valuetext', v + ' mm');
    this.mark.style.left = v + '%';
    this.mark.style.display = 'block';
  }
}

customElements.define('vas-line', VasLine);
