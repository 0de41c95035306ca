import * as Blockly from 'blockly';
import type { JavascriptGenerator } from 'blockly/javascript';
import type { Locale } from '../../common/i18n/locale';
import { generateProgramCode } from '../../blocks/generate-program';
import { registerChispaBlocks, setBlockLanguage } from '../../blocks/register-blocks';
import type { EditorHandle } from './editor-handle';
import { chispaHighContrastTheme, chispaTheme } from './themes';
import { buildToolbox } from './toolbox';

/** Where build.mjs copies Blockly's media (zoom sprites, cursors, sounds), next to main.js. */
const blocklyMedia = 'blockly-media/';
const runtimeWarningId = 'chispa-runtime';
type WorkspaceJson = Parameters<typeof Blockly.serialization.workspaces.load>[0];

/**
 * The Blockly workspace behind EditorHandle. Blockly reads block texts when a block is made,
 * so a language switch saves the workspace, sets the messages, injects a fresh workspace with
 * the new toolbox and loads the blocks back (same block ids), then hands the undo history over.
 */
export class ChispaEditor implements EditorHandle {
  private workspace: Blockly.WorkspaceSvg;
  private readonly generator: JavascriptGenerator;
  private readonly listeners = new Set<() => void>();
  private highContrast = false;
  private errorBlockIds = new Set<string>();
  private allowedBlocks: ReadonlySet<string> | null = null;

  constructor(
    private readonly container: HTMLElement,
    /** A visible line for messages about blocks (runtime errors), read out by screen readers. */
    private readonly messageLine: HTMLElement,
    locale: Locale,
  ) {
    this.generator = registerChispaBlocks(locale);
    this.workspace = this.inject();
    new ResizeObserver(() => Blockly.svgResize(this.workspace)).observe(container);
  }

  private inject(scale?: number): Blockly.WorkspaceSvg {
    const workspace = Blockly.inject(this.container, {
      toolbox: buildToolbox(this.allowedBlocks),
      theme: this.highContrast ? chispaHighContrastTheme : chispaTheme,
      renderer: 'zelos',
      media: blocklyMedia,
      trashcan: true,
      sounds: true,
      grid: { spacing: 25, length: 3, colour: this.highContrast ? '#444' : '#e3ded4', snap: true },
      move: { scrollbars: true, drag: true, wheel: false },
      zoom: {
        controls: true,
        wheel: true,
        startScale: scale ?? 0.8,
        maxScale: 2,
        minScale: 0.4,
        scaleSpeed: 1.15,
      },
    });
    workspace.addChangeListener((event) => {
      if (event.isUiEvent) return;
      for (const listener of this.listeners) listener();
    });
    return workspace;
  }

  /** The live Blockly workspace (toolbar actions, tests of the editor itself). */
  get blocklyWorkspace(): Blockly.WorkspaceSvg {
    return this.workspace;
  }

  generateProgram(): string {
    return generateProgramCode(this.workspace, this.generator);
  }

  highlightBlock(blockId: string | null): void {
    if (blockId && !this.workspace.getBlockById(blockId)) return;
    this.workspace.highlightBlock(blockId);
  }

  showBlockError(blockId: string | null, message?: string): void {
    if (blockId === null) {
      for (const id of this.errorBlockIds)
        this.workspace.getBlockById(id)?.setWarningText(null, runtimeWarningId);
      this.errorBlockIds.clear();
      this.messageLine.textContent = '';
      this.messageLine.hidden = true;
      return;
    }
    const text = message ?? '';
    const block = this.workspace.getBlockById(blockId);
    if (block) {
      block.setWarningText(text, runtimeWarningId);
      this.errorBlockIds.add(blockId);
      this.workspace.centerOnBlock(blockId);
    }
    this.messageLine.textContent = text;
    this.messageLine.hidden = text === '';
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly newProjectListeners = new Set<() => void>();

  onNewProject(listener: () => void): () => void {
    this.newProjectListeners.add(listener);
    return () => this.newProjectListeners.delete(listener);
  }

  saveState(): WorkspaceJson {
    return Blockly.serialization.workspaces.save(this.workspace);
  }

  /** Replaces the blocks (throws, leaving the workspace as it was, when the state cannot load). */
  loadState(state: unknown): void {
    const previous = this.saveState();
    try {
      this.loadQuietly(state);
    } catch (error) {
      this.loadQuietly(previous);
      throw error;
    }
    this.workspace.clearUndo();
    for (const listener of this.listeners) listener();
  }

  /** Loads without events: a load is not a student edit (no undo entry, no autosave echo). */
  private loadQuietly(state: unknown): void {
    Blockly.Events.disable();
    try {
      Blockly.serialization.workspaces.load(state as WorkspaceJson, this.workspace);
    } finally {
      Blockly.Events.enable();
    }
  }

  /** Re-creates the workspace in another language, keeping blocks, zoom and theme. */
  relabel(locale: Locale): void {
    const state = this.saveState();
    const scale = this.workspace.scale;
    const undo = [...this.workspace.getUndoStack()];
    const redo = [...this.workspace.getRedoStack()];
    this.errorBlockIds.clear();
    this.workspace.dispose();
    setBlockLanguage(locale);
    this.workspace = this.inject(scale);
    this.loadQuietly(state);
    // Undo events find their workspace by id and their blocks by id (kept by save/load).
    for (const event of [...undo, ...redo]) event.workspaceId = this.workspace.id;
    this.workspace.getUndoStack().push(...undo);
    this.workspace.getRedoStack().push(...redo);
  }

  setAllowedBlocks(types: readonly string[] | null): void {
    this.allowedBlocks = types ? new Set(types) : null;
    this.workspace.updateToolbox(buildToolbox(this.allowedBlocks));
    this.workspace.getToolbox()?.clearSelection();
  }

  setHighContrast(on: boolean): void {
    this.highContrast = on;
    this.workspace.setTheme(on ? chispaHighContrastTheme : chispaTheme);
  }

  undo(): void {
    this.workspace.undo(false);
  }

  redo(): void {
    this.workspace.undo(true);
  }

  canUndo(): boolean {
    return this.workspace.getUndoStack().length > 0;
  }

  canRedo(): boolean {
    return this.workspace.getRedoStack().length > 0;
  }

  /** Empties the workspace as one undoable step (New project) and tells who listens. */
  clear(): void {
    this.workspace.clear();
    for (const listener of this.newProjectListeners) listener();
  }
}
