import * as Blockly from 'blockly';
import { kitStyles, type KitCategory } from '../../blocks/kit-styles';

/** Bright, distinct colours per kit family (white text stays readable on each). */
const kitColours: Record<KitCategory, string> = {
  leds: '#d9480f',
  inputs: '#8e44ad',
  sensors: '#0f8a72',
  motion: '#1f6fb2',
  sound: '#c2185b',
  time: '#b9770e',
  console: '#4f5b66',
};

/** The same families in the high-contrast theme: darker fills, white outline. */
const kitColoursHighContrast: Record<KitCategory, string> = {
  leds: '#a32a00',
  inputs: '#5e1f7a',
  sensors: '#005c4b',
  motion: '#0b4a85',
  sound: '#8a0f3f',
  time: '#7a4a00',
  console: '#2f3740',
};

/** Blockly's own families in the high-contrast theme. */
const builtInHighContrast: Record<string, string> = {
  logic: '#1f4e8c',
  loop: '#1f6b1f',
  math: '#2a3580',
  text: '#0d5c48',
  list: '#4a3a80',
  colour: '#7a2e2e',
  variable: '#7a1f4f',
  variable_dynamic: '#7a1f4f',
  procedure: '#5a1f75',
};

const kitStylesFor = (colours: Record<KitCategory, string>, outline?: string) => {
  const blockStyles: Record<string, Partial<Blockly.Theme.BlockStyle>> = {};
  const categoryStyles: Record<string, Blockly.Theme.CategoryStyle> = {};
  for (const category of Object.keys(kitStyles) as KitCategory[]) {
    blockStyles[kitStyles[category]] = {
      colourPrimary: colours[category],
      ...(outline ? { colourTertiary: outline } : {}),
      // "when … pressed" blocks get a rounded cap, like Scratch's event hats.
      ...(category === 'inputs' ? { hat: 'cap' } : {}),
    };
    categoryStyles[`chispa_${category}_category`] = { colour: colours[category] };
  }
  return { blockStyles, categoryStyles };
};

const standard = kitStylesFor(kitColours);
export const chispaTheme = Blockly.Theme.defineTheme('chispa', {
  name: 'chispa',
  base: Blockly.Themes.Classic,
  blockStyles: standard.blockStyles as Record<string, Blockly.Theme.BlockStyle>,
  categoryStyles: standard.categoryStyles,
  componentStyles: { workspaceBackgroundColour: '#fbfaf7', toolboxBackgroundColour: '#f1ede6' },
  fontStyle: { family: 'system-ui, "Segoe UI", Roboto, Ubuntu, sans-serif', size: 12 },
});

const contrast = kitStylesFor(kitColoursHighContrast, '#ffffff');
for (const [family, colour] of Object.entries(builtInHighContrast)) {
  contrast.blockStyles[`${family}_blocks`] = { colourPrimary: colour, colourTertiary: '#ffffff' };
  contrast.categoryStyles[`${family}_category`] = { colour };
}

export const chispaHighContrastTheme = Blockly.Theme.defineTheme('chispa-high-contrast', {
  name: 'chispa-high-contrast',
  base: Blockly.Themes.Classic,
  blockStyles: contrast.blockStyles as Record<string, Blockly.Theme.BlockStyle>,
  categoryStyles: contrast.categoryStyles,
  componentStyles: {
    workspaceBackgroundColour: '#000000',
    toolboxBackgroundColour: '#000000',
    toolboxForegroundColour: '#ffffff',
    flyoutBackgroundColour: '#1a1a1a',
    flyoutForegroundColour: '#ffffff',
    flyoutOpacity: 1,
    scrollbarColour: '#ffffff',
    scrollbarOpacity: 0.8,
    insertionMarkerColour: '#ffffff',
    insertionMarkerOpacity: 0.6,
    markerColour: '#ffff00',
    cursorColour: '#ffff00',
    selectedGlowColour: '#ffff00',
    selectedGlowOpacity: 1,
  },
  fontStyle: { family: 'system-ui, "Segoe UI", Roboto, Ubuntu, sans-serif', weight: 'bold', size: 13 },
});
