/**
 * Features mount into the frame's regions here, in order. Each feature is a function
 * (context) => Promise<void> | void living in its own folder (renderer/editor, renderer/board,
 * renderer/staff, …). Features that offer something to later ones put it in context.shared.
 */
import type { EditorHandle } from '../editor/editor-handle';
import type { ChispaClient } from '../ipc/client';
import type { Frame } from './frame';
import type { BoardFlashing } from '../board-connect/board-flashing';
import type { KitLayout } from '../board-panel/kit-layout';
import { lessonFeature } from '../lessons/lesson-feature';
import { staffFeature } from '../staff/staff-feature';
import { boardPanelFeature } from '../board-panel/board-panel-feature';
import { boardConnectFeature } from '../board-connect/board-connect-feature';
import { runnerFeature } from '../runner/runner-feature';
import { editorFeature } from '../editor/editor-feature';
import { classroomFeature } from '../classroom/classroom-feature';
import { progressFeature } from '../progress/who-bar';

export interface SharedHandles {
  editor?: EditorHandle;
  /** Whether a board is being prepared (flashed); the runner keeps Run off meanwhile. */
  boardFlashing?: BoardFlashing;
  /** The free project's autosave, paused while a lesson owns the workspace. */
  projectAutosave?: { pause(): Promise<void>; resume(): void };
  /** Shows a lesson's parts on the board panel; null = the whole kit. */
  boardLayout?: { show(layout: KitLayout | null): void };
  /** Opens a lesson at a step (the live class's "send everyone to a step"). */
  lessonNavigator?: { openAt(id: string, step: number): Promise<void> };
}

export interface FeatureContext {
  client: ChispaClient;
  frame: Frame;
  shared: SharedHandles;
}

export type Feature = (context: FeatureContext) => Promise<void> | void;

const features: Feature[] = [
  // The editor feature goes first (it fills context.shared.editor, which the runner uses).
  editorFeature,
  boardPanelFeature,
  // After the board panel (it sits above it), before the runner (which reads boardFlashing).
  boardConnectFeature,
  runnerFeature,
  staffFeature,
  // Last: it uses the editor, the project autosave and the board layout.
  lessonFeature,
  // After the lessons: the live class sends the child to a lesson step.
  classroomFeature,
  // Who does the lesson steps on this PC: above the lesson region's content.
  progressFeature,
];

export const mountFeatures = async (context: Omit<FeatureContext, 'shared'>): Promise<void> => {
  const full: FeatureContext = { ...context, shared: {} };
  for (const feature of features) await feature(full);
};
