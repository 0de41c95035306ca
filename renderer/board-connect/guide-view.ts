/**
 * The troubleshooting guide on screen: the parsed markdown (guide-markdown.ts) built into DOM
 * with textContent only. Each `<a id>` anchor becomes the id of the section that follows it, so
 * "¿Qué hago?" can open the guide at that section and in-guide links move focus there.
 */
import { h } from '../ui/dom';
import { parseGuideMarkdown, type Inline } from './guide-markdown';

/** Makes the element that shows an image of the text (lesson images); without one, the alt text shows. */
export type GuideImage = (file: string, alt: string) => Node;

const inlineNode = (inline: Inline, onLink: (anchor: string) => void, image?: GuideImage): Node => {
  switch (inline.kind) {
    case 'image':
      return image ? image(inline.file, inline.alt) : document.createTextNode(inline.alt);
    case 'text':
      return document.createTextNode(inline.text);
    case 'code':
      return h('code', {}, inline.text);
    case 'strong':
      return h('strong', {}, inline.text);
    case 'link': {
      const link = h('a', { href: `#guide-${inline.anchor}` }, inline.text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        onLink(inline.anchor);
      });
      return link;
    }
  }
};

/** Builds the guide into `container` (emptied first); returns the section elements by anchor. */
export const renderGuide = (
  container: HTMLElement,
  markdown: string,
  onLink: (anchor: string) => void,
  image?: GuideImage,
): Map<string, HTMLElement> => {
  container.replaceChildren();
  const sections = new Map<string, HTMLElement>();
  let target: HTMLElement = container;
  const inlines = (parent: HTMLElement, list: Inline[]) => {
    for (const inline of list) parent.append(inlineNode(inline, onLink, image));
    return parent;
  };
  for (const block of parseGuideMarkdown(markdown)) {
    switch (block.kind) {
      case 'anchor': {
        const section = h('section', { id: `guide-${block.id}`, 'data-guide-section': block.id });
        container.append(section);
        sections.set(block.id, section);
        target = section;
        break;
      }
      case 'heading': {
        // The page heading comes before any section; section headings can take focus.
        const heading = inlines(h(block.level === 1 ? 'h3' : 'h4', { tabindex: '-1' }), block.inlines);
        target.append(heading);
        break;
      }
      case 'paragraph':
        target.append(inlines(h('p'), block.inlines));
        break;
      case 'list': {
        const list = h(block.ordered ? 'ol' : 'ul');
        for (const item of block.items) list.append(inlines(h('li'), item));
        target.append(list);
        break;
      }
      case 'code':
        target.append(h('pre', {}, h('code', {}, block.text)));
        break;
    }
  }
  return sections;
};
