/**
 * Which kit parts a program uses, read from the workspace's Blockly JSON: a block's PIN field
 * names a digital pin (LED, button, servo, buzzer, distance sensor), its CHANNEL field an analog
 * channel (the potentiometer). Pure, so it is tested in Node.
 */
import type { KitLayout, KitPart } from './kit-layout';

interface SerialisedBlock {
  fields?: Record<string, unknown>;
  inputs?: Record<string, { block?: SerialisedBlock; shadow?: SerialisedBlock }>;
  next?: { block?: SerialisedBlock };
}

const visit = (block: SerialisedBlock | undefined, found: (fields: Record<string, unknown>) => void) => {
  for (let current = block; current; current = current.next?.block) {
    if (current.fields) found(current.fields);
    for (const input of Object.values(current.inputs ?? {})) {
      visit(input.block, found);
      visit(input.shadow, found);
    }
  }
};

const partUses = (part: KitPart, pins: Set<number>, channels: Set<number>): boolean =>
  part.kind === 'potentiometer' ? channels.has(part.channel) : pins.has(part.pin);

export const partsInUse = (layout: KitLayout, workspace: unknown): Set<string> => {
  const pins = new Set<number>();
  const channels = new Set<number>();
  const top = (workspace as { blocks?: { blocks?: SerialisedBlock[] } } | null)?.blocks?.blocks ?? [];
  for (const block of Array.isArray(top) ? top : []) {
    visit(block, (fields) => {
      if (fields.PIN !== undefined) pins.add(Number(fields.PIN));
      if (fields.CHANNEL !== undefined) channels.add(Number(fields.CHANNEL));
    });
  }
  return new Set(layout.parts.filter((part) => partUses(part, pins, channels)).map((part) => part.id));
};
