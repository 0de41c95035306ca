/**
 * What is wired to the board, as data: the panel draws whatever layout it is given, so a lesson
 * can bring its own later. Pins are Uno pin numbers (0-13 digital); a potentiometer names its
 * analog channel (0 = A0).
 */
export type KitPart =
  | { kind: 'led'; id: string; pin: number; color: string }
  | { kind: 'button'; id: string; pin: number; color: string }
  /** A light sensor is an analog input turned like a knob; `sensor` names it for the child. */
  | { kind: 'potentiometer'; id: string; channel: number; sensor?: 'light' }
  | { kind: 'servo'; id: string; pin: number; pulseRangeUs?: [number, number] }
  | { kind: 'buzzer'; id: string; pin: number }
  | { kind: 'distance'; id: string; pin: number; initialCm?: number };

export interface KitLayout {
  id: string;
  parts: KitPart[];
}

/** Chispa's classroom kit (the onboard LED on 13 is part of the Uno drawing as well). */
export const defaultKitLayout: KitLayout = {
  id: 'chispa-kit',
  parts: [
    { kind: 'led', id: 'led-13', pin: 13, color: 'red' },
    { kind: 'led', id: 'led-9', pin: 9, color: 'green' },
    { kind: 'led', id: 'led-10', pin: 10, color: 'yellow' },
    { kind: 'led', id: 'led-11', pin: 11, color: 'blue' },
    { kind: 'button', id: 'button-2', pin: 2, color: 'red' },
    { kind: 'potentiometer', id: 'pot-a0', channel: 0 },
    { kind: 'servo', id: 'servo-6', pin: 6 },
    { kind: 'buzzer', id: 'buzzer-8', pin: 8 },
    { kind: 'distance', id: 'distance-7', pin: 7, initialCm: 100 },
  ],
};
