import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../common/i18n/messages';
import {
  boardStateGuideAnchor,
  errorGuideAnchor,
  guideAnchors,
  serialErrorCodes,
} from '../../../common/serial/error-guide';
import { usbBoardTable } from '../../../common/serial/usb-boards';

const guide = (locale: 'es' | 'en') =>
  readFileSync(
    new URL(`../../../lessons/guides/serial-troubleshooting.${locale}.md`, import.meta.url),
    'utf8',
  );
const anchorsIn = (markdown: string) =>
  [...markdown.matchAll(/<a id="([a-z0-9-]+)"><\/a>\n## /g)].map((match) => match[1]);

describe('troubleshooting guide', () => {
  it('has every section, in the same order, in Spanish and English', () => {
    expect(anchorsIn(guide('es'))).toEqual([...guideAnchors]);
    expect(anchorsIn(guide('en'))).toEqual([...guideAnchors]);
  });

  it('links every error code, board state and driver hint to an existing section', () => {
    for (const code of serialErrorCodes) expect(guideAnchors).toContain(errorGuideAnchor[code]);
    for (const anchor of Object.values(boardStateGuideAnchor)) expect(guideAnchors).toContain(anchor);
    for (const entry of usbBoardTable)
      if (entry.driverAnchor) expect(guideAnchors).toContain(entry.driverAnchor);
  });

  it('has internal links that resolve', () => {
    for (const locale of ['es', 'en'] as const) {
      for (const [, target] of guide(locale).matchAll(/\]\(#([a-z0-9-]+)\)/g))
        expect(guideAnchors).toContain(target);
    }
  });

  it('tells Linux users to mask brltty, never to remove it', () => {
    for (const locale of ['es', 'en'] as const) {
      const text = guide(locale);
      expect(text).toContain('sudo systemctl mask brltty-udev.service');
      expect(text).toContain('85-brltty.rules');
      expect(text).not.toMatch(/apt(-get)? (remove|purge) brltty/);
    }
  });

  it('has a Spanish and an English sentence for every serial error code', () => {
    for (const code of serialErrorCodes) {
      expect(messages.es[`error.${code}`], code).toBeTruthy();
      expect(messages.en[`error.${code}`], code).toBeTruthy();
    }
    for (const key of Object.keys(messages.en).filter(
      (k) => k.startsWith('error.serial.') || k.startsWith('serial.'),
    )) {
      expect(messages.es[key], key).toBeTruthy();
    }
  });
});
