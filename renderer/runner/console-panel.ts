/**
 * The console: what the program prints, newest at the bottom, capped so a program that prints
 * forever cannot grow the page without limit.
 */
import { t, onLocaleChange } from '../i18n/i18n';
import { h, label } from '../ui/dom';

export const maxConsoleLines = 300;

export interface ConsolePanel {
  root: HTMLElement;
  append(lines: string[], dropped: number): void;
  clear(): void;
}

export const buildConsolePanel = (): ConsolePanel => {
  const output = h('pre', {
    class: 'console-output',
    'data-testid': 'console-output',
    role: 'log',
    'aria-live': 'polite',
    tabindex: 0,
  });
  const empty = label('p', 'runner.console.empty', { class: 'console-empty' });
  const clearButton = label('button', 'runner.console.clear', {
    type: 'button',
    class: 'secondary console-clear',
    'data-testid': 'console-clear',
  });
  const root = h(
    'section',
    { class: 'console-panel', 'aria-labelledby': 'console-title' },
    h(
      'div',
      { class: 'console-head' },
      label('h3', 'runner.console.title', { id: 'console-title' }),
      clearButton,
    ),
    empty,
    output,
  );
  const droppedNotes: Array<{ element: HTMLElement; count: number }> = [];
  const addLine = (text: string, note?: number) => {
    const line = h('div', { class: note === undefined ? 'console-line' : 'console-line console-note' }, text);
    if (note !== undefined) droppedNotes.push({ element: line, count: note });
    output.append(line);
  };
  const clear = () => {
    output.replaceChildren();
    droppedNotes.length = 0;
    empty.hidden = false;
  };
  onLocaleChange(() => {
    for (const note of droppedNotes)
      note.element.textContent = t('runner.console.dropped', { count: note.count });
  });
  clearButton.addEventListener('click', clear);
  return {
    root,
    append(lines, dropped) {
      empty.hidden = true;
      if (dropped > 0) addLine(t('runner.console.dropped', { count: dropped }), dropped);
      for (const line of lines.slice(-maxConsoleLines)) addLine(line);
      while (output.childElementCount > maxConsoleLines) output.firstElementChild?.remove();
      output.scrollTop = output.scrollHeight;
    },
    clear,
  };
};
