import type { ChispaClient } from '../ipc/client';
import type { GuideImage } from '../board-connect/guide-view';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';

/**
 * Images of one open lesson's text: main sends each checked file with its type (only images the
 * lesson's text names, from its own folder), shown as a data: URL in an <img> (no script runs in
 * an image, SVG included). Fetched once per lesson; a missing one shows its description instead.
 */
export const lessonImages = (client: ChispaClient, lessonId: string): GuideImage => {
  const sources = new Map<string, Promise<string>>();
  return (file, alt) => {
    const image = h('img', { alt, class: 'lesson-image', 'data-testid': 'lesson-image', 'data-file': file });
    let source = sources.get(file);
    if (!source) {
      source = client
        .call('lessons.image', { id: lessonId, file })
        .then(({ contentType, base64 }) => `data:${contentType};base64,${base64}`);
      sources.set(file, source);
    }
    source.then(
      (url) => (image.src = url),
      () => image.replaceWith(h('span', { class: 'lesson-image-missing' }, t('lessons.image.unavailable', { alt }))),
    );
    return image;
  };
};
