#include "servo.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "pins.h"
#include "pwm.h"

#define TICKS_PER_US 2 /* clk/8 at 16 MHz */
#define FRAME_TICKS (20000U * TICKS_PER_US)

typedef struct {
  uint8_t pin;
  uint8_t active;
  uint16_t min_us;
  uint16_t max_us;
  volatile uint16_t ticks;
  volatile uint8_t *port;
  uint8_t bit;
} servo_t;

static servo_t servos[MAX_SERVOS];
static volatile int8_t current = -1;
static volatile uint16_t frame_start;
static uint8_t timer_owned;

/* Compare-match chain on a free-running Timer1: each match ends one servo's pulse and starts
 * the next one's; after the last one the next match is the start of the following frame.
 * Edges are placed relative to the previous compare value, so interrupt latency cancels out. */
ISR(TIMER1_COMPA_vect) {
  int8_t index = current;
  if (index >= 0 && servos[index].active) *servos[index].port &= (uint8_t)~servos[index].bit;
  index++;
  while (index < MAX_SERVOS && !servos[index].active) index++;
  if (index < MAX_SERVOS) {
    OCR1A = (uint16_t)(OCR1A + servos[index].ticks);
    *servos[index].port |= servos[index].bit;
    current = index;
  } else {
    frame_start = (uint16_t)(frame_start + FRAME_TICKS);
    OCR1A = frame_start;
    current = -1;
  }
}

static void take_timer(void) {
  if (timer_owned) return;
  uint8_t sreg = SREG;
  cli();
  TCCR1A = 0; /* normal mode: counts 0..65535, disconnects the PWM outputs of pins 9 and 10 */
  TCCR1B = _BV(CS11);
  frame_start = (uint16_t)(TCNT1 + 200);
  OCR1A = frame_start;
  current = -1;
  TIFR1 = _BV(OCF1A);
  TIMSK1 = _BV(OCIE1A);
  timer_owned = 1;
  SREG = sreg;
}

static void give_timer_back(void) {
  if (!timer_owned) return;
  uint8_t sreg = SREG;
  cli();
  TIMSK1 = 0;
  timer_owned = 0;
  SREG = sreg;
  pwm_timer1_init();
  /* PWM pins 9 and 10 that were waiting for the timer get their duty back. */
  if (pin_modes[9] == MODE_PWM) pwm_write(9, (uint8_t)pin_states[9]);
  if (pin_modes[10] == MODE_PWM) pwm_write(10, (uint8_t)pin_states[10]);
}

static servo_t *find(uint8_t pin) {
  for (uint8_t i = 0; i < MAX_SERVOS; i++) {
    if (servos[i].active && servos[i].pin == pin) return &servos[i];
  }
  return 0;
}

uint8_t servo_attach(uint8_t pin, uint16_t min_us, uint16_t max_us) {
  if (min_us >= max_us) {
    min_us = SERVO_DEFAULT_MIN_US;
    max_us = SERVO_DEFAULT_MAX_US;
  }
  servo_t *servo = find(pin);
  if (!servo) {
    for (uint8_t i = 0; i < MAX_SERVOS && !servo; i++) {
      if (!servos[i].active) servo = &servos[i];
    }
    if (!servo) return 0;
    pin_write_level(pin, 0);
    pin_make_output(pin);
    uint8_t sreg = SREG;
    cli();
    servo->pin = pin;
    servo->port = pin_port_reg(pin);
    servo->bit = pin_bit(pin);
    servo->ticks = SERVO_DEFAULT_PULSE_US * TICKS_PER_US;
    servo->active = 1;
    SREG = sreg;
    pin_states[pin] = SERVO_DEFAULT_PULSE_US;
  }
  servo->min_us = min_us;
  servo->max_us = max_us;
  take_timer();
  return 1;
}

void servo_detach(uint8_t pin) {
  servo_t *servo = find(pin);
  if (!servo) return;
  uint8_t sreg = SREG;
  cli();
  servo->active = 0;
  *servo->port &= (uint8_t)~servo->bit;
  SREG = sreg;
  for (uint8_t i = 0; i < MAX_SERVOS; i++) {
    if (servos[i].active) return;
  }
  give_timer_back();
}

void servo_detach_all(void) {
  for (uint8_t i = 0; i < MAX_SERVOS; i++) {
    if (servos[i].active) servo_detach(servos[i].pin);
  }
}

void servo_write(uint8_t pin, uint16_t value) {
  servo_t *servo = find(pin);
  if (!servo) return;
  uint16_t us;
  if (value < SERVO_DEFAULT_MIN_US) {
    if (value > 180) value = 180;
    us = (uint16_t)(servo->min_us + ((uint32_t)(servo->max_us - servo->min_us) * value + 90) / 180);
  } else {
    us = value;
  }
  if (us < servo->min_us) us = servo->min_us;
  if (us > servo->max_us) us = servo->max_us;
  uint8_t sreg = SREG;
  cli();
  servo->ticks = (uint16_t)(us * TICKS_PER_US);
  SREG = sreg;
  pin_states[pin] = us;
}

uint8_t servo_timer_active(void) { return timer_owned; }
