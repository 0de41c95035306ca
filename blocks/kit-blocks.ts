/** Every kit block family in one list: definitions, generators and the toolbox order. */
import { buttonBlocks } from './blocks-buttons';
import { ledsAndPinsBlocks } from './blocks-leds-pins';
import { sensorBlocks } from './blocks-sensors';
import { servoAndSoundBlocks } from './blocks-servo-sound';
import { timeAndConsoleBlocks } from './blocks-time-console';
import type { BlockJson, KitBlockSet, KitGenerator } from './kit-generator-helpers';

const kitBlockSets: KitBlockSet[] = [
  ledsAndPinsBlocks,
  buttonBlocks,
  sensorBlocks,
  servoAndSoundBlocks,
  timeAndConsoleBlocks,
];

export const kitBlockDefinitions: BlockJson[] = kitBlockSets.flatMap((set) => set.definitions);
export const kitBlockGenerators: Record<string, KitGenerator> = Object.assign(
  {},
  ...kitBlockSets.map((set) => set.generators),
);
export const kitBlockTypes: string[] = kitBlockDefinitions.map((definition) => definition.type);
