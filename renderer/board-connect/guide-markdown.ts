/**
 * The small markdown subset of the troubleshooting guide, parsed into plain data: headings,
 * paragraphs, lists, fenced code, `<a id>` anchors and inline code / bold / links. Nothing here
 * touches the DOM; guide-view.ts builds elements from it with textContent only, so no text of
 * the guide is ever parsed as HTML.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  /** Only links to a section of the guide itself (#anchor) survive; others become text. */
  | { kind: 'link'; text: string; anchor: string }
  /** `![alt](file)`: shown only where the caller can fetch it (lesson images), else its alt text. */
  | { kind: 'image'; alt: string; file: string };

export type GuideBlock =
  | { kind: 'anchor'; id: string }
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const anchorLine = /^<a id="([a-z0-9-]+)"><\/a>$/;
const headingLine = /^(#{1,3})\s+(.*)$/;
const itemLine = /^(\d+\.|[-*])\s+(.*)$/;
const inlinePattern = /`([^`]+)`|\*\*([^*]+)\*\*|!\[([^\]]*)\]\(\s*([^)\s]*)\s*\)|\[([^\]]+)\]\(([^)\s]*)\)/g;

export const parseInlines = (text: string): Inline[] => {
  const out: Inline[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = out[out.length - 1];
    if (previous?.kind === 'text') previous.text += value;
    else out.push({ kind: 'text', text: value });
  };
  for (const match of text.matchAll(inlinePattern)) {
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) out.push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) out.push({ kind: 'strong', text: match[2] });
    else if (match[4] !== undefined) out.push({ kind: 'image', alt: match[3], file: match[4] });
    else if (/^#[a-z0-9-]+$/.test(match[6]))
      out.push({ kind: 'link', text: match[5], anchor: match[6].slice(1) });
    else pushText(match[5]);
  }
  pushText(text.slice(last));
  return out;
};

export const parseGuideMarkdown = (markdown: string): GuideBlock[] => {
  const blocks: GuideBlock[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInlines(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInlines) });
    list = null;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index];
    const line = raw.trim();
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index += 1; index < lines.length && !lines[index].trim().startsWith('```'); index += 1)
        code.push(lines[index]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (!line) {
      flush();
      continue;
    }
    const anchor = anchorLine.exec(line);
    if (anchor) {
      flush();
      blocks.push({ kind: 'anchor', id: anchor[1] });
      continue;
    }
    const heading = headingLine.exec(line);
    if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: heading[1].length as 1 | 2 | 3,
        inlines: parseInlines(heading[2]),
      });
      continue;
    }
    const item = itemLine.exec(line);
    if (item && raw === raw.trimStart()) {
      const ordered = /\d/.test(item[1][0]);
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[2]);
      continue;
    }
    // An indented line continues the list item above it; otherwise the paragraph.
    if (list && raw !== raw.trimStart()) list.items[list.items.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
};
