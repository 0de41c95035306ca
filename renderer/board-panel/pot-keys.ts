/**
 * Keyboard steps for the potentiometer knob (0–1023): an arrow key turns it by a twentieth,
 * Page Up/Down by a fifth, Home/End to the ends — a child pressing an arrow sees it move.
 */
export const potMax = 1023;
const arrowStep = Math.round(potMax / 20);
const pageStep = Math.round(potMax / 5);

/** The knob's value after a key, or null for a key the knob leaves alone. */
export const potValueAfterKey = (key: string, value: number): number | null => {
  const clamp = (next: number) => Math.min(potMax, Math.max(0, next));
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return clamp(value + arrowStep);
    case 'ArrowDown':
    case 'ArrowLeft':
      return clamp(value - arrowStep);
    case 'PageUp':
      return clamp(value + pageStep);
    case 'PageDown':
      return clamp(value - pageStep);
    case 'Home':
      return 0;
    case 'End':
      return potMax;
    default:
      return null;
  }
};
