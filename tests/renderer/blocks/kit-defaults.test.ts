import * as Blockly from 'blockly';
import { describe, expect, it } from 'vitest';
import { defaultKitLayout } from '../../../renderer/board-panel/kit-layout';
import { UNO_PWM_PINS } from '../../../common/board/uno-pins';
import { registerChispaBlocks } from '../../../blocks/register-blocks';

/** Fresh blocks (as dragged from the toolbox) start on the pin where the kit has that part. */
describe('kit block defaults follow the kit wiring', () => {
  registerChispaBlocks('es');
  const workspace = new Blockly.Workspace();
  const defaultPin = (type: string, field = 'PIN') => Number(workspace.newBlock(type).getFieldValue(field));
  const kitPin = (kind: string) => {
    const part = defaultKitLayout.parts.find((candidate) => candidate.kind === kind);
    if (!part || !('pin' in part)) throw new Error(`the kit has no ${kind} on a pin`);
    return part.pin;
  };

  it('uses the kit pins for button, distance sensor, buzzer and servo', () => {
    expect(defaultPin('chispa_button_pressed')).toBe(kitPin('button'));
    expect(defaultPin('chispa_when_button_pressed')).toBe(kitPin('button'));
    expect(defaultPin('chispa_distance_cm')).toBe(kitPin('distance'));
    expect(defaultPin('chispa_tone')).toBe(kitPin('buzzer'));
    expect(defaultPin('chispa_no_tone')).toBe(kitPin('buzzer'));
    expect(defaultPin('chispa_servo_write')).toBe(kitPin('servo'));
  });

  it('starts LEDs on the board LED (13) and brightness on a kit LED with PWM', () => {
    expect(defaultPin('chispa_led_set')).toBe(13);
    const pwmLeds = defaultKitLayout.parts.filter((part) => part.kind === 'led').map((part) => part.pin);
    expect(pwmLeds).toContain(defaultPin('chispa_led_brightness'));
    expect(UNO_PWM_PINS).toContain(defaultPin('chispa_led_brightness'));
  });
});
