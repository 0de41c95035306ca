/* Uno pin map (0-13 digital, 14-19 = A0-A5), Firmata pin modes and per-pin state. */
#ifndef CHISPA_PINS_H
#define CHISPA_PINS_H

#include <avr/io.h>
#include <stdint.h>

#define TOTAL_PINS 20
#define TOTAL_PORTS 3
#define FIRST_ANALOG_PIN 14
#define TOTAL_ANALOG 6

/* Firmata pin modes (SET_PIN_MODE and CAPABILITY_RESPONSE). */
#define MODE_INPUT 0x00
#define MODE_OUTPUT 0x01
#define MODE_ANALOG 0x02
#define MODE_PWM 0x03
#define MODE_SERVO 0x04
#define MODE_I2C 0x06
#define MODE_PULLUP 0x0B
#define MODE_TONE 0x7E /* Chispa: pin driven by the tone generator (reported in pin state only) */
#define MODE_PING_READ 0x75
#define MODE_IGNORE 0x7F

/* Current Firmata mode of each pin and its state (output value, PWM duty, servo µs, pull-up). */
extern uint8_t pin_modes[TOTAL_PINS];
extern uint16_t pin_states[TOTAL_PINS];

static inline uint8_t pin_is_usable(uint8_t pin) { return pin >= 2 && pin < TOTAL_PINS; }
static inline uint8_t pin_is_analog(uint8_t pin) { return pin >= FIRST_ANALOG_PIN && pin < TOTAL_PINS; }
static inline uint8_t pin_is_i2c(uint8_t pin) { return pin == 18 || pin == 19; }
static inline uint8_t pin_is_pwm(uint8_t pin) {
  return pin == 3 || pin == 5 || pin == 6 || pin == 9 || pin == 10 || pin == 11;
}

static inline volatile uint8_t *pin_port_reg(uint8_t pin) {
  return pin < 8 ? &PORTD : (pin < 14 ? &PORTB : &PORTC);
}
static inline volatile uint8_t *pin_ddr_reg(uint8_t pin) {
  return pin < 8 ? &DDRD : (pin < 14 ? &DDRB : &DDRC);
}
static inline volatile uint8_t *pin_input_reg(uint8_t pin) {
  return pin < 8 ? &PIND : (pin < 14 ? &PINB : &PINC);
}
static inline uint8_t pin_bit(uint8_t pin) {
  return (uint8_t)(1U << (pin < 8 ? pin : (pin < 14 ? pin - 8 : pin - 14)));
}

/* Register writes safe against the servo and tone interrupts touching the same port. */
void pin_write_level(uint8_t pin, uint8_t high);
void pin_make_output(uint8_t pin);
void pin_make_input(uint8_t pin, uint8_t pullup);
uint8_t pin_read_level(uint8_t pin);

/* SET_PIN_MODE: releases what the old mode held (PWM, servo, tone) and sets the new one up.
 * Returns 0 when the pin does not support the mode (nothing changes then). */
uint8_t pin_set_mode(uint8_t pin, uint8_t mode);
/* Capability of a pin for CAPABILITY_RESPONSE and SET_PIN_MODE checks. */
uint8_t pin_supports_mode(uint8_t pin, uint8_t mode);
/* Power-on defaults: digital pins output-low-free inputs, analog pins in ANALOG mode. */
void pins_reset(void);

#endif
