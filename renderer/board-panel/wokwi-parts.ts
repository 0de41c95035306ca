/**
 * The @wokwi/elements this panel uses, imported one by one (each import registers its custom
 * element), with the properties we set on them.
 */
import '@wokwi/elements/dist/esm/arduino-uno-element';
import '@wokwi/elements/dist/esm/led-element';
import '@wokwi/elements/dist/esm/pushbutton-element';
import '@wokwi/elements/dist/esm/potentiometer-element';
import '@wokwi/elements/dist/esm/servo-element';
import '@wokwi/elements/dist/esm/buzzer-element';
import '@wokwi/elements/dist/esm/hc-sr04-element';

export interface WokwiUno extends HTMLElement {
  led13: boolean;
  ledPower: boolean;
}
export interface WokwiLed extends HTMLElement {
  value: boolean;
  brightness: number;
  color: string;
  label: string;
}
export interface WokwiPushbutton extends HTMLElement {
  color: string;
  label: string;
  pressed: boolean;
}
export interface WokwiPotentiometer extends HTMLElement {
  min: number;
  max: number;
  value: number;
  step: number;
}
export interface WokwiServo extends HTMLElement {
  angle: number;
}
export interface WokwiBuzzer extends HTMLElement {
  hasSignal: boolean;
}
