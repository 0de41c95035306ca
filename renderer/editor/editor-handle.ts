/**
 * What the editor feature (renderer/editor) offers other renderer features, e.g. the runner:
 * code generation, block highlighting and errors shown on a block.
 */
export interface EditorHandle {
  /** Generated JavaScript: the body of `async function program(api) { … }` (see common/program). */
  generateProgram(): string;
  /** Highlights the block being run; null clears. */
  highlightBlock(blockId: string | null): void;
  /** Shows a child-friendly message on a block (a warning bubble); null clears all. */
  showBlockError(blockId: string | null, message?: string): void;
  /** Called whenever the workspace changes (for autosave, run buttons, lesson checks). */
  onChange(listener: () => void): () => void;
  /** The workspace as Blockly JSON serialisation (projects, lesson checks). */
  saveState(): unknown;
  loadState(state: unknown): void;
  /** Called when the child starts a new project ("Nuevo"); the runner switches the board off. */
  onNewProject(listener: () => void): () => void;
  /** Narrows the toolbox to these block types (a lesson step); null = every block. */
  setAllowedBlocks(types: readonly string[] | null): void;
}
