import type { LessonForStudent } from '../../common/ipc/contract-lessons';
import type { LessonWork } from '../../common/ipc/lesson-work-schema';
import type { WorkspaceState } from '../../common/projects/project-file';
import type { SharedHandles } from '../app/features';
import type { EditorHandle } from '../editor/editor-handle';
import { applyTranslations, getLocale, onLocaleChange, t } from '../i18n/i18n';
import type { ChispaClient } from '../ipc/client';
import { createAutosave } from '../projects/autosave';
import { renderLessonHelp, type LessonHelp } from './lesson-help';
import { lessonLayout } from './lesson-layout';
import { createLessonStaffNotes } from './lesson-staff-notes';
import { clearResult, renderScenario, showCheckResult, showResultText, showScenarioAnswer } from './lesson-result';
import { lessonImages } from './lesson-image';
import { buildLessonView, renderStepList, renderStepText } from './lesson-view';

const emptyWorkspace: WorkspaceState = {};

/**
 * One open lesson: it owns the editor's workspace (the free project is stashed and its autosave
 * paused until the lesson closes), narrows the toolbox per step, loads each step's saved blocks
 * (or its starter, or the previous step's blocks for "continue"), autosaves the child's work per
 * step through main, and runs "Comprobar" in main.
 */
export const openLessonSession = async (options: {
  client: ChispaClient;
  editor: EditorHandle;
  shared: SharedHandles;
  lessonId: string;
  onClose: () => void;
}) => {
  const { client, editor, shared } = options;
  const opened = await client.call('lessons.open', { id: options.lessonId });
  const lesson: LessonForStudent = opened.lesson;
  let work: LessonWork = opened.work;
  let current = -1;
  let hintsShown = 0;
  let checking = false;
  /** Shows the last answer again (in the new language after a switch); null = nothing shown. */
  let showLast: (() => void) | null = null;

  const helpKeys = [...new Set(lesson.steps.flatMap((step) => step.helpKeys))];
  const help: LessonHelp | null =
    helpKeys.length === 0
      ? null
      : await client.call('help.resources', { keys: helpKeys }).catch((error: unknown) => {
          console.warn('help resources could not be read', error);
          return null;
        });

  await shared.projectAutosave?.pause();
  const stash = editor.saveState();
  const view = buildLessonView();
  const images = lessonImages(client, lesson.id);
  const staffNotes = createLessonStaffNotes(client, lesson.id);
  view.help.after(staffNotes.element);
  applyTranslations(view.root);

  const autosave = createAutosave({
    save: async () => {
      const step = current;
      const workspace = editor.saveState() as WorkspaceState;
      await client.call('lessons.saveWork', { id: lesson.id, step, workspace });
      work = { ...work, step, steps: { ...work.steps, [String(step)]: { workspace, passed: work.steps[String(step)]?.passed ?? false } } };
    },
    onState: (state) => {
      if (state === 'error') showResultText(view, 'error', t('lessons.save.error'));
    },
  });
  const stopWatching = editor.onChange(() => {
    if (current >= 0) autosave.schedule();
  });

  const startingBlocks = (index: number): unknown => {
    const saved = work.steps[String(index)]?.workspace;
    if (saved) return saved;
    const start = lesson.steps[index].start;
    if (start.kind === 'workspace') return start.workspace;
    if (start.kind === 'continue' && index > 0) return work.steps[String(index - 1)]?.workspace ?? editor.saveState();
    return emptyWorkspace;
  };

  const render = () => {
    const step = lesson.steps[current];
    renderStepList(view, lesson, work, current, (index) => void goTo(index));
    renderStepText(view, lesson, step, current, hintsShown, images);
    renderLessonHelp(view.help, step.helpKeys, help, getLocale());
    staffNotes.showStep(current);
    renderScenario(view, step, (choice) => void answer(choice));
    view.checkButton.hidden = step.kind !== 'build' || step.checks.length === 0;
    view.previous.disabled = current === 0;
    view.next.disabled = current >= lesson.steps.length - 1;
    view.complete.hidden = !work.completed;
  };

  const goTo = async (index: number, focus = true) => {
    if (index < 0 || index >= lesson.steps.length) return;
    if (current >= 0) await autosave.flush();
    current = -1;
    const step = lesson.steps[index];
    editor.setAllowedBlocks(step.allowedBlocks);
    try {
      editor.loadState(startingBlocks(index));
    } catch (error) {
      console.warn('step workspace could not be loaded', error);
      editor.loadState(emptyWorkspace);
    }
    current = index;
    hintsShown = 0;
    showLast = null;
    clearResult(view);
    view.nextStepButton.hidden = true;
    render();
    // The step the child is on (and its starting blocks) is kept at once: "continue" after a reload.
    autosave.schedule();
    await autosave.flush();
    if (focus) view.stepTitle.focus();
  };

  const check = async () => {
    if (checking) return;
    checking = true;
    view.checkButton.disabled = true;
    view.root.dataset.checking = 'true';
    showResultText(view, 'running', t('lessons.check.running'));
    view.timeline.replaceChildren();
    try {
      await autosave.flush();
      const step = current;
      const outcome = await client.call('lessons.check', {
        id: lesson.id,
        step,
        workspace: editor.saveState() as WorkspaceState,
        locale: getLocale(),
      });
      work = outcome.work;
      showLast = () => showCheckResult(view, outcome.result, outcome.realKitConnected);
      showLast();
      render();
      view.nextStepButton.hidden = !outcome.result.passed || step >= lesson.steps.length - 1;
    } catch (error) {
      console.warn('check failed', error);
      showResultText(view, 'error', t('lessons.check.error'));
    } finally {
      checking = false;
      view.checkButton.disabled = false;
      delete view.root.dataset.checking;
    }
  };

  const answer = async (choice: number) => {
    const step = current;
    try {
      const outcome = await client.call('lessons.answer', { id: lesson.id, step, choice });
      work = outcome.work;
      render();
      showLast = () => showScenarioAnswer(view, lesson.steps[step], choice, outcome.correct);
      showLast();
      view.nextStepButton.hidden = !outcome.correct || step >= lesson.steps.length - 1;
    } catch (error) {
      console.warn('answer failed', error);
      showResultText(view, 'error', t('lessons.check.error'));
    }
  };

  view.checkButton.addEventListener('click', () => void check());
  view.hintButton.addEventListener('click', () => {
    hintsShown += 1;
    render();
    view.hints.lastElementChild?.setAttribute('tabindex', '-1');
    (view.hints.lastElementChild as HTMLElement | null)?.focus();
  });
  view.previous.addEventListener('click', () => void goTo(current - 1));
  view.next.addEventListener('click', () => void goTo(current + 1));
  view.nextStepButton.addEventListener('click', () => void goTo(current + 1));
  const stopLocale = onLocaleChange(() => {
    if (current < 0) return;
    render();
    showLast?.();
  });

  // Leaving or hiding the page saves a change still waiting for its debounce.
  const flushNow = () => void autosave.flush();
  const flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') flushNow();
  };
  window.addEventListener('pagehide', flushNow);
  document.addEventListener('visibilitychange', flushWhenHidden);

  const close = async () => {
    await autosave.flush();
    window.removeEventListener('pagehide', flushNow);
    document.removeEventListener('visibilitychange', flushWhenHidden);
    stopWatching();
    stopLocale();
    staffNotes.dispose();
    current = -1;
    editor.setAllowedBlocks(null);
    editor.loadState(stash);
    shared.projectAutosave?.resume();
    shared.boardLayout?.show(null);
    view.root.remove();
  };
  view.back.addEventListener('click', () => {
    void close().then(options.onClose);
  });
  shared.boardLayout?.show(lessonLayout(lesson.id, lesson.parts));
  return {
    root: view.root,
    lessonId: lesson.id,
    start: () => goTo(Math.min(work.step, lesson.steps.length - 1), false).then(() => view.title.focus()),
    /** The instructor sent the class to a step (live class). */
    goTo: (step: number) => goTo(step),
    close,
  };
};
