import { describe, expect, it } from 'vitest';
import { defaultKitLayout } from '../../../renderer/board-panel/kit-layout';
import { partsInUse } from '../../../renderer/board-panel/parts-in-use';
import { potValueAfterKey } from '../../../renderer/board-panel/pot-keys';

const workspace = (blocks: unknown[]) => ({ blocks: { languageVersion: 0, blocks } });

describe('parts a program uses', () => {
  it('finds the LED of a blink nested in a loop, and nothing else', () => {
    const blink = {
      type: 'controls_whileUntil',
      inputs: {
        BOOL: { block: { type: 'logic_boolean', fields: { BOOL: 'TRUE' } } },
        DO: {
          block: {
            type: 'chispa_led_set',
            fields: { PIN: '13', STATE: '1' },
            next: {
              block: {
                type: 'chispa_wait_ms',
                inputs: { MS: { shadow: { type: 'math_number', fields: { NUM: 5 } } } },
              },
            },
          },
        },
      },
    };
    expect([...partsInUse(defaultKitLayout, workspace([blink]))]).toEqual(['led-13']);
  });

  it('finds the potentiometer by its channel and the button, buzzer and distance sensor by pin', () => {
    const used = partsInUse(
      defaultKitLayout,
      workspace([
        {
          type: 'chispa_print',
          inputs: { VALUE: { block: { type: 'chispa_potentiometer', fields: { CHANNEL: '0' } } } },
        },
        {
          type: 'chispa_when_button_pressed',
          fields: { PIN: '2' },
          next: { block: { type: 'chispa_tone', fields: { PIN: '8' } } },
        },
        { type: 'chispa_distance_cm', fields: { PIN: '7' } },
      ]),
    );
    expect([...used].sort()).toEqual(['button-2', 'buzzer-8', 'distance-7', 'pot-a0']);
  });

  it('treats an empty or damaged workspace as using nothing', () => {
    expect(partsInUse(defaultKitLayout, null).size).toBe(0);
    expect(partsInUse(defaultKitLayout, { blocks: { blocks: 'junk' } }).size).toBe(0);
  });
});

describe('potentiometer keys', () => {
  it('turns by a twentieth per arrow, a fifth per page, and stops at the ends', () => {
    expect(potValueAfterKey('ArrowUp', 0)).toBe(51);
    expect(potValueAfterKey('ArrowLeft', 51)).toBe(0);
    expect(potValueAfterKey('ArrowDown', 10)).toBe(0);
    expect(potValueAfterKey('PageUp', 1000)).toBe(1023);
    expect(potValueAfterKey('PageDown', 1023)).toBe(818);
    expect(potValueAfterKey('Home', 500)).toBe(0);
    expect(potValueAfterKey('End', 0)).toBe(1023);
    expect(potValueAfterKey('a', 10)).toBeNull();
  });
});
