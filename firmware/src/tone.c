#include "tone.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "pins.h"
#include "pwm.h"

static volatile uint8_t *tone_port;
static uint8_t tone_bit;
static uint8_t current_pin = TONE_NO_PIN;
/* Half-periods left for a timed tone; -1 plays forever. */
static volatile int32_t toggles_left;
static volatile uint8_t finished;

/* Timer2 prescalers and their clock-select bits, smallest first. */
static const uint16_t prescalers[] = {1, 8, 32, 64, 128, 256, 1024};
static const uint8_t clock_selects[] = {
    _BV(CS20),
    _BV(CS21),
    _BV(CS21) | _BV(CS20),
    _BV(CS22),
    _BV(CS22) | _BV(CS20),
    _BV(CS22) | _BV(CS21),
    _BV(CS22) | _BV(CS21) | _BV(CS20),
};

ISR(TIMER2_COMPA_vect) {
  if (toggles_left == 0) return;
  *tone_port ^= tone_bit;
  if (toggles_left > 0 && --toggles_left == 0) {
    *tone_port &= (uint8_t)~tone_bit;
    TIMSK2 = 0;
    finished = 1;
  }
}

void tone_start(uint8_t pin, uint16_t hz, uint16_t duration_ms) {
  if (!pin_is_usable(pin) || hz == 0) return;
  if (current_pin != TONE_NO_PIN && current_pin != pin) tone_stop();
  /* Toggle rate is twice the tone frequency; pick the smallest prescaler with OCR2A <= 255. */
  uint32_t toggle_hz = (uint32_t)hz * 2UL;
  uint8_t choice = 0;
  uint32_t ocr = 0;
  for (choice = 0; choice < sizeof(prescalers) / sizeof(prescalers[0]); choice++) {
    ocr = (F_CPU / prescalers[choice] + toggle_hz / 2) / toggle_hz;
    if (ocr <= 256) break;
  }
  if (choice == sizeof(prescalers) / sizeof(prescalers[0])) {
    choice--;
    ocr = 256;
  }
  if (ocr == 0) ocr = 1;
  int32_t toggles = duration_ms ? (int32_t)((toggle_hz * duration_ms + 500UL) / 1000UL) : -1;
  if (toggles == 0) toggles = 2;

  pin_write_level(pin, 0);
  pin_make_output(pin);
  uint8_t sreg = SREG;
  cli();
  tone_port = pin_port_reg(pin);
  tone_bit = pin_bit(pin);
  current_pin = pin;
  toggles_left = toggles;
  finished = 0;
  TIMSK2 = 0;
  TCCR2A = _BV(WGM21); /* CTC: disconnects the PWM outputs of pins 3 and 11 */
  TCCR2B = clock_selects[choice];
  OCR2A = (uint8_t)(ocr - 1);
  TCNT2 = 0;
  TIFR2 = _BV(OCF2A);
  TIMSK2 = _BV(OCIE2A);
  SREG = sreg;
  pin_states[pin] = hz;
}

void tone_stop(void) {
  if (current_pin == TONE_NO_PIN) return;
  uint8_t sreg = SREG;
  cli();
  TIMSK2 = 0;
  toggles_left = 0;
  *tone_port &= (uint8_t)~tone_bit;
  finished = 0;
  SREG = sreg;
  current_pin = TONE_NO_PIN;
  pwm_timer2_init();
  if (pin_modes[3] == MODE_PWM) pwm_write(3, (uint8_t)pin_states[3]);
  if (pin_modes[11] == MODE_PWM) pwm_write(11, (uint8_t)pin_states[11]);
}

uint8_t tone_pin(void) { return current_pin; }
uint8_t tone_active(void) { return current_pin != TONE_NO_PIN; }

void tone_poll(void) {
  if (finished) tone_stop();
}
