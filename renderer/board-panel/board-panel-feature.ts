/**
 * Mounts the board panel in the frame's board region: the Uno with the kit's parts, live pins
 * from 'board.pins' and inputs to 'board.virtualInput'. The board's state is said once, by the
 * board chooser above it (renderer/board-connect), which stays in view when it folds.
 */
import type { Feature } from '../app/features';
import { buildBoardPanel } from './board-panel';
import { defaultKitLayout, type KitLayout } from './kit-layout';
import { partsInUse } from './parts-in-use';

export const boardPanelFeature: Feature = ({ client, frame, shared }) => {
  const region = frame.regions.board;
  region.querySelector('[data-placeholder]')?.remove();
  const build = (layout: KitLayout) =>
    buildBoardPanel(layout, {
      sendInput: (input) => client.call('board.virtualInput', { input }),
      // An input while no virtual board runs has nowhere to go; the board chooser already says why.
      onInputError: (error) => console.warn('board input not delivered', error),
    });
  let panel = build(defaultKitLayout);
  region.append(panel.root);
  // A lesson shows only its own parts and wiring; closing it brings the whole kit back.
  let layout = defaultKitLayout;
  const markInUse = () => {
    if (shared.editor) panel.showInUse(partsInUse(layout, shared.editor.saveState()));
  };
  shared.boardLayout = {
    show(next) {
      layout = next ?? defaultKitLayout;
      const built = build(layout);
      panel.root.replaceWith(built.root);
      panel = built;
      panel.resendInputs();
      markInUse();
    },
  };
  markInUse();
  shared.editor?.onChange(markInUse);
  client.on('board.pins', (snapshot) => panel.applySnapshot(snapshot));
  let wasReady = false;
  client.on('board.state', (status) => {
    const ready = status.state === 'ready' && status.target?.kind === 'virtual';
    if (ready && !wasReady) panel.resendInputs();
    wasReady = ready;
  });
};
