/**
 * Compiles a small C program for the ATmega328P with Debian's avr-gcc into a temp dir and
 * returns its Intel HEX text. Used to test the virtual Uno against real machine code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasAvrGcc = spawnSync('avr-gcc', ['--version']).status === 0;

export function compileAvr(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chispa-avr-'));
  try {
    writeFileSync(join(dir, 'main.c'), source);
    execFileSync('avr-gcc', [
      '-mmcu=atmega328p',
      '-DF_CPU=16000000UL',
      '-Os',
      '-std=gnu11',
      '-o',
      join(dir, 'main.elf'),
      join(dir, 'main.c'),
    ]);
    execFileSync('avr-objcopy', [
      '-O',
      'ihex',
      '-R',
      '.eeprom',
      join(dir, 'main.elf'),
      join(dir, 'main.hex'),
    ]);
    return readFileSync(join(dir, 'main.hex'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** UART setup shared by the test programs: 57600 baud with U2X, as the Arduino core does. */
export const UART_57600 = `
#include <avr/io.h>
static void uart_init(void) { UCSR0A = _BV(U2X0); UBRR0 = 34; UCSR0B = _BV(RXEN0) | _BV(TXEN0); }
static void uart_put(uint8_t b) { while (!(UCSR0A & _BV(UDRE0))); UDR0 = b; }
static uint8_t uart_get(void) { while (!(UCSR0A & _BV(RXC0))); return UDR0; }
`;
