import { describe, expect, it } from 'vitest';
import { registerChispaBlocks } from '../../../blocks/register-blocks';
import { codeFor, loadHeadless, runProgram } from './headless-blocks';

/** A fake ProgramApi that records every call; reads come from scripted queues. */
const recordingApi = (reads: { digital?: number[]; analog?: number[]; distance?: number[] } = {}) => {
  const calls: string[] = [];
  let now = 0;
  const next = (queue: number[] | undefined, name: string) => {
    const value = queue?.shift();
    if (value === undefined) throw new Error(`${name}: script ended`);
    return value;
  };
  const api = {
    digitalWrite: async (pin: number, value: number) => void calls.push(`digitalWrite(${pin},${value})`),
    pwmWrite: async (pin: number, value: number) => void calls.push(`pwmWrite(${pin},${value})`),
    digitalRead: async (pin: number) => {
      const value = next(reads.digital, 'digitalRead');
      calls.push(`digitalRead(${pin})=${value}`);
      return value;
    },
    analogRead: async (channel: number) => {
      const value = next(reads.analog, 'analogRead');
      calls.push(`analogRead(${channel})=${value}`);
      return value;
    },
    servoWrite: async (pin: number, angle: number) => void calls.push(`servoWrite(${pin},${angle})`),
    tone: async (pin: number, hz: number, ms?: number) => void calls.push(`tone(${pin},${hz},${ms})`),
    noTone: async (pin: number) => void calls.push(`noTone(${pin})`),
    readDistance: async (pin: number) => {
      const value = next(reads.distance, 'readDistance');
      calls.push(`readDistance(${pin})=${value}`);
      return value;
    },
    wait: async (ms: number) => {
      now += ms;
      calls.push(`wait(${ms})`);
    },
    millis: () => now,
    print: (value: unknown) => void calls.push(`print(${JSON.stringify(value)})`),
    highlight: (id: string) => void calls.push(`highlight(${id})`),
  };
  return { api, calls, boardCalls: () => calls.filter((call) => !call.startsWith('highlight')) };
};

const block = (type: string, id: string, rest: Record<string, unknown> = {}) => ({ type, id, ...rest });
const num = (value: number) => ({ shadow: { type: 'math_number', fields: { NUM: value } } });

/** Night light: repeat 2 × { if light < 30 % → LED brightness 80 %, else LED off; print distance; wait 1 s } */
const nightLight = {
  variables: [{ name: 'luz', id: 'var_luz' }],
  blocks: {
    languageVersion: 0,
    blocks: [
      block('controls_repeat_ext', 'loop', {
        x: 10,
        y: 10,
        inputs: {
          TIMES: num(2),
          DO: {
            block: block('variables_set', 'set', {
              fields: { VAR: { id: 'var_luz' } },
              inputs: {
                VALUE: { block: block('chispa_light_level', 'light', { fields: { CHANNEL: '1' } }) },
              },
              next: {
                block: block('controls_if', 'if', {
                  extraState: { hasElse: true },
                  inputs: {
                    IF0: {
                      block: block('logic_compare', 'cmp', {
                        fields: { OP: 'LT' },
                        inputs: {
                          A: { block: block('variables_get', 'get', { fields: { VAR: { id: 'var_luz' } } }) },
                          B: num(30),
                        },
                      }),
                    },
                    DO0: {
                      block: block('chispa_led_brightness', 'bright', {
                        fields: { PIN: '9' },
                        inputs: { PERCENT: num(80) },
                      }),
                    },
                    ELSE: { block: block('chispa_led_set', 'off', { fields: { PIN: '9', STATE: '0' } }) },
                  },
                  next: {
                    block: block('chispa_print', 'print', {
                      inputs: {
                        VALUE: { block: block('chispa_distance_cm', 'dist', { fields: { PIN: '7' } }) },
                      },
                      next: { block: block('chispa_wait_seconds', 'wait', { inputs: { SECONDS: num(1) } }) },
                    }),
                  },
                }),
              },
            }),
          },
        },
      }),
    ],
  },
};

describe('generated programs run against the program API', () => {
  it('runs a night-light program and makes the expected board calls in order', async () => {
    const { api, calls, boardCalls } = recordingApi({ analog: [100, 900], distance: [42, 17] });
    await runProgram(codeFor(nightLight), api);
    expect(boardCalls()).toEqual([
      'analogRead(1)=100', // 10 % → dark
      'pwmWrite(9,204)', // 80 % of 255
      'readDistance(7)=42',
      'print(42)',
      'wait(1000)',
      'analogRead(1)=900', // 88 % → bright
      'digitalWrite(9,0)',
      'readDistance(7)=17',
      'print(17)',
      'wait(1000)',
    ]);
    // Each statement is highlighted before it runs.
    expect(calls.indexOf('highlight(bright)')).toBeLessThan(calls.indexOf('pwmWrite(9,204)'));
    expect(calls.filter((call) => call === 'highlight(print)')).toHaveLength(2);
  });

  it('awaits student functions, so a function with waits finishes before the next block', async () => {
    const state = JSON.parse(
      (await import('node:fs')).readFileSync(
        new URL('golden/async-procedures.json', import.meta.url),
        'utf8',
      ),
    );
    const { api, boardCalls } = recordingApi({ analog: [1023, 0] });
    await runProgram(codeFor(state), api);
    expect(boardCalls()).toEqual([
      'digitalWrite(13,1)',
      'wait(100)',
      'analogRead(0)=1023',
      'print(100)',
      'digitalWrite(13,1)',
      'wait(100)',
      'analogRead(0)=0',
      'print(0)',
    ]);
  });

  it('runs a "when button pressed" block once per press while the main blocks run too', async () => {
    const state = {
      blocks: {
        languageVersion: 0,
        blocks: [
          block('chispa_when_button_pressed', 'when', {
            x: 10,
            y: 10,
            fields: { PIN: '2' },
            inputs: {
              DO: {
                block: block('chispa_tone', 'tone', {
                  fields: { PIN: '8' },
                  inputs: {
                    FREQUENCY: { block: block('chispa_note', 'note', { fields: { NOTE: '523' } }) },
                    DURATION: num(100),
                  },
                }),
              },
            },
          }),
          block('chispa_led_set', 'led', { x: 10, y: 300, fields: { PIN: '13', STATE: '1' } }),
        ],
      },
    };
    // Released, pressed (held 2 polls), released, pressed, then the script ends the program.
    const { api, boardCalls } = recordingApi({ digital: [0, 1, 1, 0, 1] });
    await expect(runProgram(codeFor(state), api)).rejects.toThrow('script ended');
    expect(
      boardCalls().filter((call) => !call.startsWith('wait') && !call.startsWith('digitalRead')),
    ).toEqual(['digitalWrite(13,1)', 'tone(8,523,100)', 'tone(8,523,100)']);
  });
});

describe('event blocks and errors', () => {
  it('ends the whole program when an event task fails, even while the main blocks keep looping', async () => {
    // when button 2 pressed { LED on pin 5 on }; main: repeat 1000 × { wait 10 ms }
    const state = {
      blocks: {
        languageVersion: 0,
        blocks: [
          block('chispa_when_button_pressed', 'when', {
            fields: { PIN: '2' },
            inputs: { DO: { block: block('chispa_led_set', 'led5', { fields: { PIN: '5', STATE: '1' } }) } },
          }),
          block('controls_repeat_ext', 'loop', {
            y: 300,
            inputs: {
              TIMES: num(1000),
              DO: { block: block('chispa_wait_ms', 'wait', { inputs: { MS: num(10) } }) },
            },
          }),
        ],
      },
    };
    const { api } = recordingApi({ digital: [0, 1, 1, 1, 1, 1, 1, 1] });
    let mainWaits = 0;
    const failing = {
      ...api,
      digitalWrite: async (pin: number) => {
        if (pin === 5) throw new Error('pin 5 broke');
      },
      wait: (ms: number) =>
        new Promise<void>((resolve) => {
          if (ms === 10) mainWaits += 1;
          setTimeout(resolve, 1);
        }),
    };
    await expect(runProgram(codeFor(state), failing)).rejects.toThrow('pin 5 broke');
    expect(mainWaits).toBeLessThan(1000);
  });
});

describe('block labels follow the language', () => {
  it('shows kit and Blockly blocks in Spanish, then in English', () => {
    const state = {
      blocks: {
        languageVersion: 0,
        blocks: [
          block('chispa_led_set', 'led', { fields: { PIN: '13', STATE: '1' } }),
          block('controls_whileUntil', 'loop', { y: 100 }),
        ],
      },
    };
    const text = (locale: 'es' | 'en') => {
      registerChispaBlocks(locale);
      const workspace = loadHeadless(state, locale);
      const labels = workspace.getTopBlocks(true).map((top) => top.toString());
      workspace.dispose();
      return labels;
    };
    expect(text('es')).toEqual(['encender el LED del pin 13', expect.stringMatching(/^repetir mientras/)]);
    expect(text('en')).toEqual(['turn on the LED on pin 13', expect.stringMatching(/^repeat while/)]);
    registerChispaBlocks('es');
  });
});
