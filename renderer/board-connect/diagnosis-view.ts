/**
 * "Diagnosticar": asks main to check the chosen port (present, opens, dialout group, brltty,
 * boards listed) and lists what it found in plain words, each with its guide section.
 */
import type { CallResult } from '../../common/ipc/contract';
import { ChispaCallError, type ChispaClient } from '../ipc/client';
import { errorText, onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';

type Finding = CallResult<'serial.diagnose'>['findings'][number];

const statusMark: Record<Finding['status'], string> = {
  ok: '✓',
  problem: '✗',
  warning: '!',
  unknown: '?',
  skipped: '–',
};

export interface DiagnosisView {
  root: HTMLElement;
  button: HTMLButtonElement;
}

export const buildDiagnosisView = (
  client: ChispaClient,
  options: { path(): string | null; openGuide(anchor: string): void },
): DiagnosisView => {
  const button = label('button', 'connect.diagnose', {
    type: 'button',
    class: 'secondary',
    'data-testid': 'board-diagnose',
  });
  const list = h('ul', { class: 'diagnosis-list', 'data-testid': 'board-diagnosis' });
  const heading = label('h3', 'connect.diagnose.title', { hidden: true });
  const note = h('p', { role: 'status', 'aria-live': 'polite', class: 'diagnosis-note' });
  const root = h('div', { class: 'board-diagnosis' }, button, note, heading, list);

  const item = (finding: Finding) => {
    const words = h('span', { class: 'finding-text' }, t(finding.messageKey, finding.params));
    const row = h(
      'li',
      { 'data-finding': finding.id, 'data-status': finding.status },
      h('span', { class: 'finding-mark', 'aria-hidden': 'true' }, statusMark[finding.status]),
      h('span', { class: 'finding-status' }, `${t(`connect.diagnose.status.${finding.status}`)}: `),
      words,
    );
    const anchor = finding.guideAnchor;
    if (anchor && (finding.status === 'problem' || finding.status === 'warning')) {
      const help = label('button', 'connect.help', { type: 'button', class: 'link-button' });
      help.textContent = t('connect.help');
      help.addEventListener('click', () => options.openGuide(anchor));
      row.append(' ', help);
    }
    return row;
  };

  let shown: Finding[] | null = null;
  const show = (findings: Finding[]) => {
    shown = findings;
    list.replaceChildren(...findings.map(item));
    heading.hidden = false;
    heading.textContent = t('connect.diagnose.title');
    const problems = findings.filter((finding) => finding.status === 'problem').length;
    note.textContent = `${t('connect.diagnose.title')}: ${findings.length} · ${t('connect.diagnose.status.problem')}: ${problems}`;
  };
  onLocaleChange(() => {
    if (shown) show(shown);
  });

  button.addEventListener('click', () => {
    button.disabled = true;
    note.textContent = t('connect.diagnose.running');
    client
      .call('serial.diagnose', { path: options.path() })
      .then(({ findings }) => show(findings))
      .catch((error: unknown) => {
        note.textContent = `${t('connect.diagnose.failed')} ${
          error instanceof ChispaCallError ? errorText(error.error) : ''
        }`.trim();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return { root, button };
};
