import { describe, expect, it } from 'vitest';
import { countSyllables, measureReadability, plainText } from '../../../common/lessons/readability';

describe('Spanish syllables', () => {
  it.each([
    ['computadora', 5],
    ['ciudad', 2],
    ['poeta', 3],
    ['aéreo', 4],
    ['país', 2],
    ['guitarra', 3],
    ['queso', 2],
    ['pingüino', 3],
    ['murciélago', 4],
    ['hoy', 1],
    ['y', 1],
    ['yo', 1],
    ['Contraseña', 4],
    ['huevo', 2],
  ])('%s has %i', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });
});

describe('Fernández-Huerta readability', () => {
  it('scores short sentences with short words as very easy, and long learned prose as hard', () => {
    const easy = measureReadability('Mi gato es azul. Le gusta el sol. Come pan.');
    expect(easy.words).toBe(10);
    expect(easy.sentences).toBe(3);
    expect(easy.fernandezHuerta).toBeGreaterThan(100);
    const hard = measureReadability(
      'La implementación institucional de mecanismos interinstitucionales de corresponsabilidad requiere, ' +
        'necesariamente, una caracterización pormenorizada de las vulnerabilidades socioeconómicas contemporáneas.',
    );
    expect(hard.sentences).toBe(1);
    expect(hard.fernandezHuerta).toBeLessThan(30);
    expect(hard.meanSentenceWords).toBeGreaterThan(14);
  });

  it('computes the index from syllables per word and words per sentence', () => {
    // 4 words, 8 syllables, 2 sentences: 206.84 − 60·2 − 1.02·2 = 84.8
    expect(measureReadability('Casa roja. Perro malo.').fernandezHuerta).toBe(84.8);
  });

  it('reads what a child reads: no code spans, links or list marks; lines end sentences', () => {
    expect(plainText('- Usa `chispa_led_set` y [esto](https://x.org).')).toBe('Usa   y esto.');
    expect(measureReadability('## Título\nUna línea\nOtra línea').sentences).toBe(3);
  });
});
