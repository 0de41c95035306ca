#include "pwm.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "pins.h"
#include "servo.h"
#include "tone.h"

void pwm_timer1_init(void) {
  TCCR1A = _BV(WGM10); /* phase-correct 8-bit */
  TCCR1B = _BV(CS11) | _BV(CS10); /* clk/64: 490 Hz */
  TIMSK1 = 0;
}

void pwm_timer2_init(void) {
  TCCR2A = _BV(WGM20);
  TCCR2B = _BV(CS22); /* clk/64 on Timer2 */
  TIMSK2 = 0;
}

void pwm_init(void) {
  pwm_timer1_init();
  pwm_timer2_init();
}

/* The timer control register and COM bit that connect a pin to its compare output. */
static volatile uint8_t *com_reg(uint8_t pin, uint8_t *com_bit) {
  switch (pin) {
    case 3: *com_bit = _BV(COM2B1); return &TCCR2A;
    case 5: *com_bit = _BV(COM0B1); return &TCCR0A;
    case 6: *com_bit = _BV(COM0A1); return &TCCR0A;
    case 9: *com_bit = _BV(COM1A1); return &TCCR1A;
    case 10: *com_bit = _BV(COM1B1); return &TCCR1A;
    case 11: *com_bit = _BV(COM2A1); return &TCCR2A;
    default: *com_bit = 0; return 0;
  }
}

static volatile uint8_t *compare_reg(uint8_t pin) {
  switch (pin) {
    case 3: return &OCR2B;
    case 5: return &OCR0B;
    case 6: return &OCR0A;
    case 11: return &OCR2A;
    default: return 0;
  }
}

/* Whether the pin's timer is currently running as a PWM timer. */
static uint8_t timer_free(uint8_t pin) {
  if (pin == 9 || pin == 10) return !servo_timer_active();
  if (pin == 3 || pin == 11) return !tone_active();
  return 1;
}

void pwm_disconnect(uint8_t pin) {
  uint8_t com_bit;
  volatile uint8_t *reg = com_reg(pin, &com_bit);
  if (!reg || !timer_free(pin)) return;
  uint8_t sreg = SREG;
  cli();
  *reg &= (uint8_t)~com_bit;
  SREG = sreg;
}

void pwm_write(uint8_t pin, uint8_t duty) {
  pin_states[pin] = duty;
  if (duty == 0 || duty == 255 || !timer_free(pin)) {
    /* Steady level; also the fallback while the timer belongs to a servo or tone. */
    pwm_disconnect(pin);
    pin_write_level(pin, duty >= 128);
    return;
  }
  if (pin == 9) OCR1A = duty;
  else if (pin == 10) OCR1B = duty;
  else *compare_reg(pin) = duty;
  uint8_t com_bit;
  volatile uint8_t *reg = com_reg(pin, &com_bit);
  uint8_t sreg = SREG;
  cli();
  *reg |= com_bit;
  SREG = sreg;
}
