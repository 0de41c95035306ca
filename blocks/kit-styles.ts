/**
 * Block style names used by the kit's block definitions and their colours. Themes
 * (renderer/editor/themes.ts) map these names to colours; blocks only name a style.
 */
export const kitStyles = {
  leds: 'chispa_leds_blocks',
  inputs: 'chispa_inputs_blocks',
  sensors: 'chispa_sensors_blocks',
  motion: 'chispa_motion_blocks',
  sound: 'chispa_sound_blocks',
  time: 'chispa_time_blocks',
  console: 'chispa_console_blocks',
} as const;

export type KitCategory = keyof typeof kitStyles;
