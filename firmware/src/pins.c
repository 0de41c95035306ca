#include "pins.h"

#include <avr/interrupt.h>

#include "analog.h"
#include "digital.h"
#include "i2c.h"
#include "pwm.h"
#include "servo.h"
#include "tone.h"

uint8_t pin_modes[TOTAL_PINS];
uint16_t pin_states[TOTAL_PINS];

void pin_write_level(uint8_t pin, uint8_t high) {
  volatile uint8_t *port = pin_port_reg(pin);
  uint8_t bit = pin_bit(pin);
  uint8_t sreg = SREG;
  cli();
  if (high) *port |= bit;
  else *port &= (uint8_t)~bit;
  SREG = sreg;
}

void pin_make_output(uint8_t pin) {
  uint8_t sreg = SREG;
  cli();
  *pin_ddr_reg(pin) |= pin_bit(pin);
  SREG = sreg;
}

void pin_make_input(uint8_t pin, uint8_t pullup) {
  volatile uint8_t *port = pin_port_reg(pin);
  uint8_t bit = pin_bit(pin);
  uint8_t sreg = SREG;
  cli();
  *pin_ddr_reg(pin) &= (uint8_t)~bit;
  if (pullup) *port |= bit;
  else *port &= (uint8_t)~bit;
  SREG = sreg;
}

uint8_t pin_read_level(uint8_t pin) { return (*pin_input_reg(pin) & pin_bit(pin)) ? 1 : 0; }

uint8_t pin_supports_mode(uint8_t pin, uint8_t mode) {
  if (!pin_is_usable(pin)) return 0;
  switch (mode) {
    case MODE_INPUT:
    case MODE_OUTPUT:
    case MODE_PULLUP:
    case MODE_SERVO:
    case MODE_PING_READ:
    case MODE_TONE:
      return 1;
    case MODE_ANALOG:
      return pin_is_analog(pin);
    case MODE_PWM:
      return pin_is_pwm(pin);
    case MODE_I2C:
      return pin_is_i2c(pin);
    default:
      return 0;
  }
}

/* Undo whatever hardware the current mode of the pin holds. */
static void release_pin(uint8_t pin) {
  uint8_t old = pin_modes[pin];
  if (old == MODE_SERVO) servo_detach(pin);
  if (old == MODE_PWM) pwm_disconnect(pin);
  if (old == MODE_I2C) i2c_reset(); /* like StandardFirmata: leaving I2C mode turns the bus off */
  if (tone_pin() == pin) tone_stop();
}

uint8_t pin_set_mode(uint8_t pin, uint8_t mode) {
  if (!pin_supports_mode(pin, mode)) return 0;
  if (mode == MODE_PING_READ) {
    /* The ping command sets the pin up itself; accept the mode for compatibility. */
    release_pin(pin);
    pin_modes[pin] = MODE_PING_READ;
    return 1;
  }
  if (mode == MODE_SERVO) {
    /* Keeps an existing servo's range; attaches with the Arduino default range otherwise. */
    if (pin_modes[pin] != MODE_SERVO) {
      release_pin(pin);
      if (!servo_attach(pin, SERVO_DEFAULT_MIN_US, SERVO_DEFAULT_MAX_US)) return 0;
    }
    pin_modes[pin] = MODE_SERVO;
    return 1;
  }
  release_pin(pin);
  switch (mode) {
    case MODE_INPUT:
    case MODE_ANALOG:
      pin_make_input(pin, 0);
      pin_states[pin] = 0;
      break;
    case MODE_PULLUP:
      pin_make_input(pin, 1);
      pin_states[pin] = 1;
      break;
    case MODE_OUTPUT:
      pin_write_level(pin, 0);
      pin_make_output(pin);
      pin_states[pin] = 0;
      break;
    case MODE_PWM:
      pin_write_level(pin, 0);
      pin_make_output(pin);
      pin_states[pin] = 0;
      break;
    case MODE_TONE:
      pin_write_level(pin, 0);
      pin_make_output(pin);
      pin_states[pin] = 0;
      break;
    case MODE_I2C:
      pin_make_input(pin, 1); /* the TWI drives the pin; pull-ups as Arduino's Wire */
      pin_states[pin] = 0;
      break;
    default:
      return 0;
  }
  pin_modes[pin] = mode;
  if (mode == MODE_PWM) pwm_write(pin, 0);
  return 1;
}

void pins_reset(void) {
  i2c_reset();
  tone_stop();
  servo_detach_all();
  for (uint8_t pin = 0; pin < TOTAL_PINS; pin++) {
    if (!pin_is_usable(pin)) {
      pin_modes[pin] = MODE_IGNORE; /* 0 and 1 belong to the serial port */
      continue;
    }
    if (pin_modes[pin] == MODE_PWM) pwm_disconnect(pin);
    pin_modes[pin] = MODE_INPUT; /* so pin_set_mode has nothing to release */
    pin_set_mode(pin, pin_is_analog(pin) ? MODE_ANALOG : MODE_OUTPUT);
  }
  digital_reset();
  analog_reset();
}
