/**
 * How easy a Spanish text is to read: the Fernández-Huerta index and the mean sentence length.
 * Fernández-Huerta adapts Flesch's reading ease to Spanish:
 *   L = 206.84 − 60 · (syllables / words) − 1.02 · (words / sentences)
 * (the sentence term as mean words per sentence, as in Flesch; the often-quoted "sentences per
 * 100 words" reading makes shorter sentences score worse). Scale: 90–100 very easy (4th grade,
 * about 9 years), 80–90 easy (5th), 70–80 fairly easy (6th, about 11–12), 60–70 standard.
 * Pure: no DOM, no Node. Syllables are counted with Spanish rules (no npm library fits: see
 * docs/lessons.md).
 */

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Fernández-Huerta reading ease (higher = easier); 0 for an empty text. */
  fernandezHuerta: number;
  /** Mean words per sentence. */
  meanSentenceWords: number;
}

/** A children's lesson (8–14) must read at least "fairly easy": 6th grade at the most. */
export const CHILDREN_MIN_FERNANDEZ_HUERTA = 70;
/** …and keep its sentences short on average. */
export const CHILDREN_MAX_MEAN_SENTENCE_WORDS = 14;

const strong = new Set(['a', 'e', 'o', 'á', 'é', 'í', 'ó', 'ú']);
const vowels = new Set([...strong, 'i', 'u', 'ü']);

/** Syllables of one Spanish word: one per vowel nucleus; two strong vowels together are a hiatus. */
export const countSyllables = (word: string): number => {
  let w = word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-záéíóúüñ]/g, '');
  if (w === '') return 0;
  // The u of que, qui, gue, gui is silent.
  w = w.replace(/([qg])u([eéií])/g, '$1$2');
  // y is a vowel at the end of a word (hoy, muy, y) and before a consonant.
  w = w.replace(/y(?=$|[^aeiouáéíóúü])/g, 'i');
  let count = 0;
  let previous: string | null = null;
  for (const char of w) {
    if (!vowels.has(char)) {
      previous = null;
      continue;
    }
    if (previous === null || (strong.has(previous) && strong.has(char))) count++;
    previous = char;
  }
  return Math.max(count, 1);
};

/** Lesson markdown as a child reads it: code spans, links, list and emphasis marks removed. */
export const plainText = (markdown: string): string =>
  markdown
    .replace(/`[^`]*`/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*(?:#+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~>|]/g, ' ');

/** Sentences end at . ! ? … or at the end of a line (titles, list items, choices). */
const sentencesOf = (text: string): string[] =>
  text
    .split(/[.!?…]+|\n/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[a-záéíóúüñ]/i.test(sentence));

const wordsOf = (sentence: string): string[] =>
  sentence.split(/[\s,;:()«»"“”¿¡—–/-]+/).filter((word) => /[a-záéíóúüñ]/i.test(word));

export const measureReadability = (markdown: string): Readability => {
  const sentences = sentencesOf(plainText(markdown));
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    for (const word of wordsOf(sentence)) {
      words++;
      syllables += countSyllables(word);
    }
  }
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, fernandezHuerta: 0, meanSentenceWords: 0 };
  const meanSentenceWords = words / sentences.length;
  const fernandezHuerta = 206.84 - 60 * (syllables / words) - 1.02 * meanSentenceWords;
  return {
    words,
    sentences: sentences.length,
    syllables,
    fernandezHuerta: Math.round(fernandezHuerta * 10) / 10,
    meanSentenceWords: Math.round(meanSentenceWords * 10) / 10,
  };
};
