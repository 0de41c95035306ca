#include "clock.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/delay_basic.h>

static volatile uint32_t overflows;

void clock_init(void) {
  /* Fast PWM, clk/64: overflow every 1024 µs (976.56 Hz PWM on OC0A/OC0B, as on Arduino). */
  TCCR0A = _BV(WGM01) | _BV(WGM00);
  TCCR0B = _BV(CS01) | _BV(CS00);
  TIMSK0 = _BV(TOIE0);
}

ISR(TIMER0_OVF_vect) { overflows++; }

uint32_t clock_micros(void) {
  uint8_t sreg = SREG;
  cli();
  uint32_t count = overflows;
  uint8_t ticks = TCNT0;
  /* An overflow that happened after cli() but is not yet counted. */
  if ((TIFR0 & _BV(TOV0)) && ticks < 255) count++;
  SREG = sreg;
  return ((count << 8) + ticks) * 4UL;
}

void clock_delay_us(uint16_t us) {
  /* _delay_loop_2 takes 4 cycles per iteration: 4 iterations per µs at 16 MHz. */
  while (us > 10000) {
    _delay_loop_2(40000);
    us -= 10000;
  }
  if (us) _delay_loop_2((uint16_t)(us * 4U));
}
