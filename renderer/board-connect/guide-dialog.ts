/**
 * The troubleshooting guide in a modal dialog, opened at a section ("¿Qué hago?" next to an
 * error). The markdown comes from 'serial.guide' in the current language (cached per language)
 * and is built with textContent only (guide-view.ts). Esc or Close returns focus to the link.
 */
import type { Locale } from '../../common/i18n/locale';
import type { ChispaClient } from '../ipc/client';
import { getLocale, onLocaleChange, t } from '../i18n/i18n';
import { h, label } from '../ui/dom';
import { renderGuide } from './guide-view';

export interface GuideDialog {
  /** Opens the guide at `anchor` (a section id) or at the top. */
  open(anchor: string | null): Promise<void>;
}

export const createGuideDialog = (client: ChispaClient): GuideDialog => {
  const cache = new Map<Locale, string>();
  const body = h('div', { class: 'guide-body', 'data-testid': 'guide-body' });
  const close = label('button', 'connect.guide.close', { type: 'button', class: 'guide-close' });
  const dialog = h(
    'dialog',
    { class: 'guide-dialog', 'aria-labelledby': 'guide-title', 'data-testid': 'guide-dialog' },
    h('div', { class: 'guide-head' }, label('h2', 'connect.guide.title', { id: 'guide-title' }), close),
    body,
  );
  let returnFocus: HTMLElement | null = null;
  let shownAnchor: string | null = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => returnFocus?.focus());

  const show = (anchor: string | null, sections: Map<string, HTMLElement>) => {
    shownAnchor = anchor;
    dialog.dataset.anchor = anchor ?? '';
    const section = anchor ? sections.get(anchor) : undefined;
    const heading = section?.querySelector<HTMLElement>('h3, h4');
    if (section && heading) {
      section.scrollIntoView({ block: 'start' });
      heading.focus();
    } else {
      body.scrollTop = 0;
      close.focus();
    }
  };
  const load = async (locale: Locale): Promise<string> => {
    const cached = cache.get(locale);
    if (cached !== undefined) return cached;
    const { markdown } = await client.call('serial.guide', { locale });
    cache.set(locale, markdown);
    return markdown;
  };
  const fill = async (anchor: string | null) => {
    body.replaceChildren(h('p', {}, t('connect.guide.loading')));
    try {
      const markdown = await load(getLocale());
      const sections = renderGuide(body, markdown, (target) => show(target, sections));
      show(anchor, sections);
    } catch (error) {
      console.warn('guide unavailable', error);
      body.replaceChildren(h('p', { role: 'alert' }, t('connect.guide.failed')));
    }
  };
  onLocaleChange(() => {
    if (dialog.open) void fill(shownAnchor);
  });

  return {
    async open(anchor) {
      if (!dialog.isConnected) document.body.append(dialog);
      for (const element of dialog.querySelectorAll<HTMLElement>('[data-i18n]'))
        element.textContent = t(element.dataset.i18n ?? '');
      if (!dialog.open) {
        returnFocus = document.activeElement as HTMLElement | null;
        dialog.showModal();
      }
      await fill(anchor);
    },
  };
};
