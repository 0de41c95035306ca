#include "ping.h"

#include "clock.h"
#include "pins.h"

/* Waits while the pin is at `level`; returns 0 if `deadline` passed first. */
static uint8_t wait_while(uint8_t pin, uint8_t level, uint32_t start, uint32_t timeout_us) {
  while (pin_read_level(pin) == level) {
    if ((uint32_t)(clock_micros() - start) >= timeout_us) return 0;
  }
  return 1;
}

uint32_t ping_read(uint8_t pin, uint8_t value, uint32_t pulse_us, uint32_t timeout_us) {
  if (!pin_is_usable(pin)) return 0;
  if (timeout_us == 0 || timeout_us > PING_MAX_TIMEOUT_US) timeout_us = PING_MAX_TIMEOUT_US;
  if (pulse_us > 1000) pulse_us = 1000;
  value = value ? 1 : 0;

  pin_write_level(pin, !value);
  pin_make_output(pin);
  clock_delay_us(2);
  pin_write_level(pin, value);
  clock_delay_us((uint16_t)pulse_us);
  pin_write_level(pin, !value);
  pin_make_input(pin, 0);

  uint32_t start = clock_micros();
  /* Like Arduino's pulseIn: let a pulse already in progress end, wait for the next to begin. */
  if (!wait_while(pin, value, start, timeout_us)) return 0;
  if (!wait_while(pin, !value, start, timeout_us)) return 0;
  uint32_t rise = clock_micros();
  if (!wait_while(pin, value, start, timeout_us)) return 0;
  return clock_micros() - rise;
}
