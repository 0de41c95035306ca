/** The guide's markdown subset, parsed in node: the real guides in both languages, and hostile input. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideAnchors } from '../../../common/serial/error-guide';
import { parseGuideMarkdown, parseInlines } from '../../../renderer/board-connect/guide-markdown';

const guide = (locale: 'es' | 'en') =>
  readFileSync(
    new URL(`../../../lessons/guides/serial-troubleshooting.${locale}.md`, import.meta.url),
    'utf8',
  );

describe('guide markdown', () => {
  it.each(['es', 'en'] as const)(
    'finds every guide section of the %s guide, each opened by a heading',
    (locale) => {
      const blocks = parseGuideMarkdown(guide(locale));
      const anchors = blocks.flatMap((block, index) =>
        block.kind === 'anchor' ? [{ id: block.id, index }] : [],
      );
      expect(anchors.map((anchor) => anchor.id).sort()).toEqual([...guideAnchors].sort());
      for (const { index } of anchors) expect(blocks[index + 1]).toMatchObject({ kind: 'heading', level: 2 });
      // In-guide links point at sections that exist.
      const links = blocks
        .flatMap((block) =>
          block.kind === 'paragraph' || block.kind === 'heading'
            ? block.inlines
            : block.kind === 'list'
              ? block.items.flat()
              : [],
        )
        .filter((inline) => inline.kind === 'link');
      expect(links.length).toBeGreaterThan(3);
      for (const link of links) expect(guideAnchors).toContain(link.kind === 'link' ? link.anchor : '');
      expect(blocks.some((block) => block.kind === 'code')).toBe(true);
      expect(blocks.some((block) => block.kind === 'list' && block.ordered)).toBe(true);
    },
  );

  it('joins an indented continuation line into its list item', () => {
    const blocks = parseGuideMarkdown('1. Prueba otro\n   cable USB.\n2. Otro `puerto`.\n');
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: true,
        items: [
          [{ kind: 'text', text: 'Prueba otro cable USB.' }],
          [
            { kind: 'text', text: 'Otro ' },
            { kind: 'code', text: 'puerto' },
            { kind: 'text', text: '.' },
          ],
        ],
      },
    ]);
  });

  it('keeps HTML and outside links as plain text', () => {
    const blocks = parseGuideMarkdown(
      '<img src=x onerror="alert(1)">\n\n<a id="bad" onclick="x"></a>\n\n[fuera](https://example.com) y [js](javascript:alert(1))',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<img src=x onerror="alert(1)">' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<a id="bad" onclick="x"></a>' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'fuera y js)' }] },
    ]);
    expect(parseInlines('**negrita** y [sección](#port-busy)')).toEqual([
      { kind: 'strong', text: 'negrita' },
      { kind: 'text', text: ' y ' },
      { kind: 'link', text: 'sección', anchor: 'port-busy' },
    ]);
  });

  it('reads an image as its description and file (the caller decides whether it can show it)', () => {
    expect(parseInlines('Mira ![Un LED rojo](img/led.png) aquí')).toEqual([
      { kind: 'text', text: 'Mira ' },
      { kind: 'image', alt: 'Un LED rojo', file: 'img/led.png' },
      { kind: 'text', text: ' aquí' },
    ]);
  });
});
