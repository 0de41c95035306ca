import { describe, expect, it } from 'vitest';
import { checkPackFile } from '../../../main/lessons/pack/check-pack-file';
import { refusalReason } from '../../../main/lessons/pack/pack-refusal';
import { readPackFolder } from '../../../main/lessons/pack/read-pack-folder';
import { readPackZip } from '../../../main/lessons/pack/read-pack-zip';
import { sanitizeSvg } from '../../../main/lessons/pack/sanitize-svg';
import { buildZip } from '../../helpers/zip-builder';

const reasonOf = async (work: () => unknown): Promise<string | undefined> => {
  try {
    await work();
  } catch (error) {
    return refusalReason(error) ?? `unexpected: ${String(error)}`;
  }
  return undefined;
};

describe('reading a lesson pack zip', () => {
  it('reads an honest zip entry by entry, skipping folders', async () => {
    const zip = buildZip([
      { name: 'blink/' },
      { name: 'blink/es.md', data: '# Parpadeo\n' },
      { name: 'blink/images/led.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) },
    ]);
    const files = await readPackZip(zip, 'pack.zip');
    expect([...files.keys()]).toEqual(['blink/es.md', 'blink/images/led.png']);
    expect(files.get('blink/es.md')?.toString()).toBe('# Parpadeo\n');
  });

  it('refuses zip slip names (../, absolute, drive letters, backslashes)', async () => {
    for (const name of ['../evil.md', 'blink/../../evil.md', '/etc/evil.md', 'C:/evil.md', 'blink\\..\\evil.md']) {
      const zip = buildZip([{ name: 'blink/es.md', data: 'ok' }, { name, data: 'x' }]);
      expect(await reasonOf(() => readPackZip(zip, 'pack.zip')), name).toBe('path-outside');
    }
  });

  it('refuses symlinks, too many files and something that is not a zip', async () => {
    const link = buildZip([{ name: 'blink/es.md', data: '/etc/passwd', unixMode: 0o120777 }]);
    expect(await reasonOf(() => readPackZip(link, 'pack.zip'))).toBe('link');
    const many = buildZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.md`, data: 'x' })));
    const limits = { packBytes: 1e6, totalBytes: 1e6, fileBytes: 1e5, markdownBytes: 1e5, files: 4 };
    expect(await reasonOf(() => readPackZip(many, 'pack.zip', limits))).toBe('too-many-files');
    expect(await reasonOf(() => readPackZip(Buffer.from('hola, no soy un zip'), 'pack.zip'))).toBe('not-zip');
  });

  it('refuses a total that unpacks over the limit even when each file is small', async () => {
    const limits = { packBytes: 1e6, totalBytes: 1000, fileBytes: 600, markdownBytes: 600, files: 10 };
    const zip = buildZip([
      { name: 'a.md', data: 'a'.repeat(500) },
      { name: 'b.md', data: 'b'.repeat(501) },
    ]);
    expect(await reasonOf(() => readPackZip(zip, 'pack.zip', limits))).toBe('too-big');
  });

  it('applies the same path and size rules to a pack picked as a folder', async () => {
    const ok = readPackFolder([{ path: 'pack/blink/es.md', bytes: Buffer.from('x') }], 'pack');
    expect([...ok.keys()]).toEqual(['pack/blink/es.md']);
    expect(
      await reasonOf(() => readPackFolder([{ path: 'pack/../../x.md', bytes: Buffer.from('x') }], 'pack')),
    ).toBe('path-outside');
    expect(
      await reasonOf(() =>
        readPackFolder(
          [
            { path: 'a/es.md', bytes: Buffer.from('x') },
            { path: 'a/es.md', bytes: Buffer.from('y') },
          ],
          'pack',
        ),
      ),
    ).toBe('duplicate');
  });
});

describe('checking each file of a pack', () => {
  const md = (text: string) => () => checkPackFile('blink/es.md', Buffer.from(text));

  it('accepts markdown with code, and refuses HTML or script in the prose, naming the line', async () => {
    expect(checkPackFile('blink/es.md', Buffer.from('# Hola\n\nUsa `<` en código.\n```checks\nA0 < 20\n```\n')).kind).toBe(
      'markdown',
    );
    for (const bad of ['Hola\n\n<script>alert(1)</script>', 'Hola <img src=x onerror=alert(1)>', '<!-- x -->']) {
      expect(await reasonOf(md(bad)), bad).toBe('markdown-html');
    }
    try {
      checkPackFile('blink/es.md', Buffer.from('# Hola\n```\n<b>\n```\ntexto\n<iframe src=x>'));
    } catch (error) {
      expect((error as { params: unknown }).params).toEqual({ file: 'blink/es.md', line: 6 });
    }
    expect(await reasonOf(md('[clic](javascript:alert(1))'))).toBe('markdown-link');
    expect(await reasonOf(md('[clic](data:text/html,hola)'))).toBe('markdown-link');
  });

  it('refuses other file types, fake images, bad JSON and non-text markdown', async () => {
    expect(await reasonOf(() => checkPackFile('blink/run.exe', Buffer.from('MZ')))).toBe('file-type');
    expect(await reasonOf(() => checkPackFile('blink/page.html', Buffer.from('<p>')))).toBe('file-type');
    expect(await reasonOf(() => checkPackFile('blink/led.png', Buffer.from('<svg/>')))).toBe('bad-image');
    expect(await reasonOf(() => checkPackFile('blink/led.jpg', Buffer.from('GIF89a')))).toBe('bad-image');
    expect(await reasonOf(() => checkPackFile('blink/start.json', Buffer.from('{nope')))).toBe('bad-json');
    expect(await reasonOf(() => checkPackFile('blink/es.md', Buffer.from([0xff, 0xfe, 0x00, 0x41])))).toBe(
      'not-text',
    );
    expect(checkPackFile('blink/foto.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])).kind).toBe('jpeg');
  });

  it('keeps a plain SVG (re-written from the parse, editor metadata and comments dropped)', () => {
    const svg = `<?xml version="1.0"?>
<!-- made by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="x" viewBox="0 0 10 10" width="10">
  <sodipodi:namedview inkscape:zoom="1"><inkscape:grid/></sodipodi:namedview>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <circle cx="5" cy="5" r="4" fill="url(#g)" style="stroke:black"/>
  <use href="#g"/>
  <text x="1" y="9">LED &amp; pin</text>
</svg>`;
    const clean = sanitizeSvg(Buffer.from(svg), 'led.svg').toString();
    expect(clean).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10">');
    expect(clean).toContain('<circle cx="5" cy="5" r="4" fill="url(#g)" style="stroke:black"/>');
    expect(clean).toContain('LED &amp; pin');
    expect(clean).not.toMatch(/namedview|inkscape|made by hand|<\?xml/);
  });

  it('refuses SVGs that can run or fetch something', async () => {
    const unsafe = [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<svg xmlns="http://www.w3.org/2000/svg"><g><foreignObject><p>x</p></foreignObject></g></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><use href="http://evil.example/x.svg#a"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="javascript:alert(1)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://evil.example/a)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(http://evil.example/a.css);</style></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script></svg>',
      '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    ];
    for (const svg of unsafe) {
      expect(await reasonOf(() => checkPackFile('blink/led.svg', Buffer.from(svg))), svg).toBe('svg-unsafe');
    }
    expect(await reasonOf(() => checkPackFile('blink/led.svg', Buffer.from('<svg><g></svg>')))).toBe('bad-image');
    expect(await reasonOf(() => checkPackFile('blink/led.svg', Buffer.from('<html/>')))).toBe('svg-unsafe');
  });
});
