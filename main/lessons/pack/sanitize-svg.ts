import { SaxesParser } from 'saxes';
import { packRefused } from './pack-refusal';

/**
 * SVG images from a pack, checked with a strict allow-list and written back from the parse (so
 * what is stored is exactly what was checked). No sanitiser that runs in Node without a DOM fits
 * (DOMPurify needs one), so this is a small allow-list over saxes, a strict XML parser.
 * Anything that can run or fetch (script, foreignObject, animation that can rewrite links,
 * event attributes, links other than #fragment, CSS url()/@import, a DOCTYPE with its entities)
 * refuses the pack; harmless unknown markup (editor metadata, comments) is dropped.
 */
const svgNs = 'http://www.w3.org/2000/svg';
const xlinkNs = 'http://www.w3.org/1999/xlink';

const allowedElements = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline',
  'polygon', 'text', 'tspan', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask',
  'pattern', 'marker', 'symbol', 'use', 'style',
]);
const unsafeElements = new Set([
  'script', 'foreignObject', 'iframe', 'embed', 'object', 'image', 'feImage', 'animate', 'set',
  'animateTransform', 'animateMotion', 'animateColor', 'handler', 'listener', 'a', 'audio', 'video',
]);
const allowedAttributes = new Set([
  'id', 'class', 'style', 'transform', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx',
  'ry', 'fx', 'fy', 'width', 'height', 'viewBox', 'preserveAspectRatio', 'points', 'fill',
  'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'letter-spacing', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'offset', 'stop-color',
  'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits',
  'patternContentUnits', 'patternTransform', 'clip-path', 'clip-rule', 'clipPathUnits', 'mask',
  'maskUnits', 'maskContentUnits', 'marker-start', 'marker-mid', 'marker-end', 'markerWidth',
  'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'visibility', 'display', 'color',
  'vector-effect', 'version', 'href', 'xlink:href', 'type', 'media',
]);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** CSS (style attributes and <style>) may not fetch or run anything. */
const unsafeCss = (css: string): boolean => {
  const flat = css.replace(/\\/g, '').replace(/\s+/g, '').toLowerCase();
  if (/@import|expression\(|javascript:|behavior:|-moz-binding/.test(flat)) return true;
  return [...flat.matchAll(/url\(([^)]*)\)/g)].some((match) => !/^['"]?#/.test(match[1]));
};

export const sanitizeSvg = (bytes: Buffer, file: string): Buffer => {
  const unsafe = (detail: string) => packRefused('svg-unsafe', { file, detail: detail.slice(0, 60) });
  const parser = new SaxesParser({ xmlns: false, position: false });
  const out: string[] = [];
  /** Depth inside an element being dropped (0 = keeping). */
  let dropping = 0;
  let root = true;
  let inStyle = false;
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  parser.on('doctype', () => fail(unsafe('DOCTYPE')));
  parser.on('processinginstruction', () => {});
  parser.on('comment', () => {});
  parser.on('opentag', (tag) => {
    const name = tag.name;
    // Whatever the prefix: <x:script> with x bound to the SVG namespace is still a script.
    if (unsafeElements.has(name.split(':').pop() ?? name)) fail(unsafe(`<${name}>`));
    if (dropping > 0 || !allowedElements.has(name)) {
      if (root) fail(unsafe(`<${name}>`));
      dropping += tag.isSelfClosing ? 0 : 1;
      return;
    }
    const attributes: string[] = [];
    if (root) attributes.push(`xmlns="${svgNs}"`);
    for (const [key, value] of Object.entries(tag.attributes)) {
      const lower = key.toLowerCase();
      if (lower.startsWith('on')) fail(unsafe(key));
      if (/(java|vb)script:|data:text\/html/i.test(value.replace(/\s+/g, ''))) fail(unsafe(key));
      if (lower === 'xmlns:xlink' && value === xlinkNs) attributes.push(`xmlns:xlink="${xlinkNs}"`);
      if (!allowedAttributes.has(key)) continue;
      if ((key === 'href' || key === 'xlink:href') && !/^#[\w.-]+$/.test(value.trim())) fail(unsafe(key));
      if (key === 'style' && unsafeCss(value)) fail(unsafe('style'));
      attributes.push(`${key}="${escapeAttribute(value)}"`);
    }
    root = false;
    inStyle = name === 'style';
    out.push(`<${name}${attributes.length ? ' ' : ''}${attributes.join(' ')}${tag.isSelfClosing ? '/>' : '>'}`);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (dropping > 0) {
      dropping -= 1;
      return;
    }
    inStyle = false;
    out.push(`</${tag.name}>`);
  });
  const text = (value: string) => {
    if (dropping > 0) return;
    if (inStyle && unsafeCss(value)) fail(unsafe('style'));
    if (!root) out.push(escapeText(value));
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('error', (error) => fail(packRefused('bad-image', { file, detail: error.message.slice(0, 60) })));
  try {
    parser.write(bytes.toString('utf8')).close();
  } catch (error) {
    fail(packRefused('bad-image', { file, detail: String((error as Error).message).slice(0, 60) }));
  }
  if (failure) throw failure;
  if (root) throw packRefused('bad-image', { file, detail: 'no <svg>' });
  return Buffer.from(out.join(''), 'utf8');
};
