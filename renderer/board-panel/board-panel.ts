/**
 * The board panel: an Uno and the kit's parts drawn with @wokwi/elements from a layout, showing
 * live pin states and feeding the inputs (button, potentiometer, distance) back to the virtual
 * board. Every part carries data-testid="part-<id>"; LEDs expose data-on="true|false".
 */
import type { PinSnapshot, VirtualInput } from '../../common/ipc/contract-board';
import { onLocaleChange, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { type KitLayout, type KitPart } from './kit-layout';
import { analogPinOf, unoPinLabel } from '../../common/board/uno-pins';
import { latestOnly } from './latest-only';
import { partState, potVolts, type PartState } from './part-state';
import { potMax, potValueAfterKey } from './pot-keys';
// Registers the custom elements (the type import below alone would be erased).
import './wokwi-parts';
import type {
  WokwiBuzzer,
  WokwiLed,
  WokwiPotentiometer,
  WokwiPushbutton,
  WokwiServo,
  WokwiUno,
} from './wokwi-parts';

export interface BoardPanel {
  root: HTMLElement;
  /** The Uno drawing and parts area (the state line and console go around it). */
  applySnapshot(snapshot: PinSnapshot): void;
  /**
   * Sends every input's current position again (button, pot, distance): a virtual board that
   * just started knows nothing of what was set on the panel before it was running.
   */
  resendInputs(): void;
  /** Marks the parts the program uses (by part id): they are shown first. */
  showInUse(ids: ReadonlySet<string>): void;
}

interface MountedPart {
  part: KitPart;
  figure: HTMLElement;
  element: HTMLElement;
  apply(state: PartState): void;
}

/** Resolves once a Lit-based wokwi element has drawn its shadow DOM. */
const whenRendered = (element: HTMLElement): Promise<unknown> =>
  (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve();

/** Keeps a text (or attribute) in the current language. */
const follow = (apply: () => void): void => {
  apply();
  onLocaleChange(apply);
};

const figure = (part: KitPart, element: HTMLElement, caption: HTMLElement): HTMLElement =>
  h('figure', { class: `kit-part kit-${part.kind}`, 'data-testid': `part-${part.id}` }, element, caption);

const mountLed = (part: KitPart & { kind: 'led' }): MountedPart => {
  const led = h('wokwi-led' as 'div', {
    color: part.color,
    'data-testid': `led-${part.pin}`,
    // The figure carries the name and state; the drawing says nothing on its own.
    'aria-hidden': 'true',
  }) as unknown as WokwiLed;
  const caption = h('figcaption', {});
  const fig = figure(part, led, caption);
  let on = false;
  const describe = () => {
    // The colour is in the name too: a lesson says "the green LED", and not every child sees colours.
    const name = t('runner.panel.led', {
      pin: unoPinLabel(part.pin),
      color: t(`runner.panel.color.${part.color}`),
    });
    caption.textContent = name;
    fig.setAttribute('aria-label', `${name}: ${t(on ? 'runner.panel.led.on' : 'runner.panel.led.off')}`);
  };
  follow(describe);
  led.dataset.on = 'false';
  fig.dataset.on = 'false';
  return {
    part,
    figure: fig,
    element: led,
    apply(state) {
      if (state.kind !== 'led') return;
      const brightness = Math.round(state.brightness * 100) / 100;
      if (led.brightness !== brightness) {
        led.brightness = brightness;
        led.dataset.brightness = String(brightness);
      }
      if (led.value !== state.on) led.value = state.on;
      if (on !== state.on) {
        on = state.on;
        led.dataset.on = String(on);
        fig.dataset.on = String(on);
        describe();
      }
    },
  };
};

const mountButton = (
  part: KitPart & { kind: 'button' },
  send: (input: VirtualInput) => void,
): MountedPart => {
  const button = h('wokwi-pushbutton' as 'div', {
    color: part.color,
    'data-testid': `button-${part.pin}`,
  }) as unknown as WokwiPushbutton;
  const caption = h('figcaption', {});
  const describe = () => {
    caption.textContent = t('runner.panel.button', { pin: unoPinLabel(part.pin) });
    button.title = t('runner.panel.button.hint');
    // The element names its inner button "<label> <color> pushbutton" in English; ours replaces it.
    const inner = button.shadowRoot?.querySelector('button');
    inner?.setAttribute('aria-label', `${caption.textContent}. ${t('runner.panel.button.hint')}`);
    inner?.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  };
  follow(describe);
  void whenRendered(button).then(describe);
  const press = (level: boolean) => {
    button.dataset.pressed = String(level);
    send({ kind: 'digital', pin: part.pin, level });
  };
  button.dataset.pressed = 'false';
  button.addEventListener('button-press', () => press(true));
  button.addEventListener('button-release', () => press(false));
  return { part, figure: figure(part, button, caption), element: button, apply: () => {} };
};

const mountPot = (
  part: KitPart & { kind: 'potentiometer' },
  send: (input: VirtualInput) => void,
): MountedPart => {
  const pot = h('wokwi-potentiometer' as 'div', {
    'data-testid': `pot-a${part.channel}`,
  }) as unknown as WokwiPotentiometer;
  pot.min = 0;
  pot.max = 1023;
  pot.value = 0;
  const caption = h('figcaption', {});
  // A lesson's light sensor is drawn and turned as a knob, but named as what it is.
  const name = part.sensor === 'light' ? 'runner.panel.light' : 'runner.panel.pot';
  follow(() => {
    caption.textContent = t(name, { pin: unoPinLabel(analogPinOf(part.channel)) });
    pot.title = t(`${name}.hint`);
  });
  const inner = () => pot.shadowRoot?.querySelector('input');
  const describe = () => {
    // The knob's own range input is the control; its drawing (an unnamed role="slider") is not.
    pot.shadowRoot?.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    inner()?.setAttribute('aria-label', `${caption.textContent ?? ''}. ${t(`${name}.hint`)}`);
    inner()?.setAttribute('aria-valuetext', `${Math.round((Number(pot.value) / potMax) * 100)} %`);
  };
  void whenRendered(pot).then(() => {
    describe();
    onLocaleChange(describe);
  });
  const changed = () => {
    const value = Number(pot.value);
    pot.dataset.value = String(value);
    describe();
    send({ kind: 'analog', pin: part.channel, volts: potVolts(value / potMax) });
  };
  pot.addEventListener('input', changed);
  pot.addEventListener('keydown', (event) => {
    const next = potValueAfterKey(event.key, Number(pot.value));
    if (next === null) return;
    event.preventDefault();
    pot.value = next;
    changed();
  });
  return { part, figure: figure(part, pot, caption), element: pot, apply: () => {} };
};

const mountServo = (part: KitPart & { kind: 'servo' }): MountedPart => {
  const servo = h('wokwi-servo' as 'div', {
    'data-testid': `servo-${part.pin}`,
    'aria-hidden': 'true',
  }) as unknown as WokwiServo;
  const caption = h('figcaption', {});
  let angle = 90;
  servo.angle = angle;
  servo.dataset.angle = String(angle);
  const describe = () => {
    caption.textContent = t('runner.panel.servo', { pin: unoPinLabel(part.pin), angle });
  };
  follow(describe);
  return {
    part,
    figure: figure(part, servo, caption),
    element: servo,
    apply(state) {
      if (state.kind !== 'servo' || state.angle === null || state.angle === angle) return;
      angle = state.angle;
      servo.angle = angle;
      servo.dataset.angle = String(angle);
      describe();
    },
  };
};

const mountBuzzer = (part: KitPart & { kind: 'buzzer' }): MountedPart => {
  const buzzer = h('wokwi-buzzer' as 'div', {
    'data-testid': `buzzer-${part.pin}`,
    'aria-hidden': 'true',
  }) as unknown as WokwiBuzzer;
  const caption = h('figcaption', {});
  let hz: number | null = null;
  const describe = () => {
    caption.textContent =
      hz === null
        ? t('runner.panel.buzzer', { pin: unoPinLabel(part.pin) })
        : t('runner.panel.buzzer.on', { pin: unoPinLabel(part.pin), hz });
  };
  follow(describe);
  buzzer.dataset.hz = '';
  return {
    part,
    figure: figure(part, buzzer, caption),
    element: buzzer,
    apply(state) {
      if (state.kind !== 'buzzer' || state.hz === hz) return;
      hz = state.hz;
      buzzer.hasSignal = hz !== null;
      buzzer.dataset.hz = hz === null ? '' : String(hz);
      describe();
    },
  };
};

const mountDistance = (
  part: KitPart & { kind: 'distance' },
  send: (input: VirtualInput) => void,
): MountedPart => {
  // The drawing's English pin labels (VCC, TRIG…) are not for the child; the slider is the control.
  const sensor = h('wokwi-hc-sr04' as 'div', { 'aria-hidden': 'true' });
  const initial = part.initialCm ?? 100;
  const slider = h('input', {
    type: 'range',
    min: 2,
    max: 400,
    step: 1,
    value: initial,
    class: 'distance-slider',
    'data-testid': `distance-${part.pin}`,
  });
  const value = h('output', { class: 'distance-value' });
  const title = h('span', {});
  const describe = () => {
    title.textContent = t('runner.panel.distance', { pin: unoPinLabel(part.pin) });
    value.textContent = t('runner.panel.distance.value', { cm: slider.value });
    slider.setAttribute('aria-label', title.textContent);
    slider.setAttribute('aria-valuetext', value.textContent);
  };
  follow(describe);
  slider.addEventListener('input', () => {
    describe();
    send({ kind: 'distance', pin: part.pin, cm: Number(slider.value) });
  });
  const caption = h('figcaption', {}, title, h('label', { class: 'distance-control' }, slider, value));
  return { part, figure: figure(part, sensor, caption), element: sensor, apply: () => {} };
};

export const buildBoardPanel = (
  layout: KitLayout,
  options: { sendInput: (input: VirtualInput) => Promise<unknown>; onInputError?: (error: unknown) => void },
): BoardPanel => {
  // One coalescing sender per input, so a fast pot never queues stale positions.
  const senders = new Map<string, (input: VirtualInput) => void>();
  /** The latest input each part produced (or its starting position), to resend on a new board. */
  const positions = new Map<string, VirtualInput>();
  const senderFor = (id: string) => {
    let sender = senders.get(id);
    if (!sender) {
      const send = latestOnly(options.sendInput, options.onInputError);
      sender = (input: VirtualInput) => {
        positions.set(id, input);
        send(input);
      };
      senders.set(id, sender);
    }
    return sender;
  };
  for (const part of layout.parts) {
    if (part.kind === 'button') positions.set(part.id, { kind: 'digital', pin: part.pin, level: false });
    if (part.kind === 'potentiometer')
      positions.set(part.id, { kind: 'analog', pin: part.channel, volts: 0 });
    if (part.kind === 'distance')
      positions.set(part.id, { kind: 'distance', pin: part.pin, cm: part.initialCm ?? 100 });
  }
  const mounted: MountedPart[] = layout.parts.map((part) => {
    switch (part.kind) {
      case 'led':
        return mountLed(part);
      case 'button':
        // Presses and releases are all sent, in order (the bridge keeps order).
        return mountButton(part, (input) => {
          positions.set(part.id, input);
          void options.sendInput(input).catch(options.onInputError);
        });
      case 'potentiometer':
        return mountPot(part, senderFor(part.id));
      case 'servo':
        return mountServo(part);
      case 'buzzer':
        return mountBuzzer(part);
      case 'distance':
        return mountDistance(part, senderFor(part.id));
    }
  });
  const uno = h('wokwi-arduino-uno' as 'div', { 'data-testid': 'uno' }) as unknown as WokwiUno;
  uno.dataset.led13 = 'false';
  follow(() => uno.setAttribute('aria-label', t('runner.panel.board')));
  uno.setAttribute('role', 'img');
  void whenRendered(uno).then(() => {
    // Inside the named picture: no pin-label text to read out, no unnamed reset circle to tab to.
    uno.shadowRoot?.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    uno.shadowRoot?.querySelector('#reset-button')?.removeAttribute('tabindex');
  });
  // One flowing list: the parts the program uses come first (above the Uno), the rest after it.
  const root = h(
    'div',
    { class: 'board-panel', 'data-testid': 'board-panel', 'data-layout': layout.id },
    h('div', { class: 'board-panel-uno' }, uno),
    ...mounted.map((entry) => entry.figure),
  );
  let led13 = false;
  let snapshots = 0;
  return {
    root,
    showInUse(ids) {
      for (const entry of mounted) entry.figure.dataset.inUse = String(ids.has(entry.part.id));
    },
    resendInputs() {
      for (const [id, input] of positions) senderFor(id)(input);
    },
    applySnapshot(snapshot) {
      // Visible to tests and diagnostics: how many snapshots arrived and the board's own clock.
      snapshots++;
      root.dataset.snapshots = String(snapshots);
      root.dataset.simMs = String(Math.round(snapshot.simTimeMs));
      const on = Boolean(snapshot.digital[13]) || (snapshot.pwmDuty[13] ?? 0) > 0;
      if (on !== led13) {
        led13 = on;
        uno.led13 = on;
        uno.dataset.led13 = String(on);
      }
      for (const entry of mounted) {
        const state = partState(entry.part, snapshot);
        if (state) entry.apply(state);
      }
    },
  };
};
