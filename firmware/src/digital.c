#include "digital.h"

#include "firmata-out.h"
#include "pins.h"

static uint8_t reporting;                 /* bit per port */
static uint8_t last_reported[TOTAL_PORTS];

void digital_reset(void) {
  reporting = 0;
  for (uint8_t port = 0; port < TOTAL_PORTS; port++) last_reported[port] = 0;
}

/* Levels of the pins of a port that are inputs (INPUT or PULLUP); other bits read 0. */
static uint8_t read_port_inputs(uint8_t port) {
  uint8_t value = 0;
  for (uint8_t bit = 0; bit < 8; bit++) {
    uint8_t pin = (uint8_t)(port * 8 + bit);
    if (pin >= TOTAL_PINS) break;
    uint8_t mode = pin_modes[pin];
    if ((mode == MODE_INPUT || mode == MODE_PULLUP) && pin_read_level(pin)) value |= (uint8_t)(1U << bit);
  }
  return value;
}

void digital_set_reporting(uint8_t port, uint8_t enable) {
  if (port >= TOTAL_PORTS) return;
  if (enable) {
    reporting |= (uint8_t)(1U << port);
    last_reported[port] = read_port_inputs(port);
    firmata_send_digital_port(port, last_reported[port]);
  } else {
    reporting &= (uint8_t) ~(1U << port);
  }
}

void digital_poll(void) {
  for (uint8_t port = 0; port < TOTAL_PORTS; port++) {
    if (!(reporting & (1U << port))) continue;
    uint8_t value = read_port_inputs(port);
    if (value != last_reported[port]) {
      last_reported[port] = value;
      firmata_send_digital_port(port, value);
    }
  }
}

/* OUTPUT pins take the level. As StandardFirmata, a 1 written to an INPUT pin turns its pull-up on
 * (johnny-five's Button isPullup relies on it). firmata-io echoes the last *read* level of input
 * pins in every port write, so the board service clears those bits before writing: otherwise a
 * pressed button plus an LED write on the same port would switch the button's pull-up on. */
static void write_one(uint8_t pin, uint8_t level) {
  uint8_t mode = pin_modes[pin];
  if (mode == MODE_OUTPUT) {
    pin_write_level(pin, level);
    pin_states[pin] = level;
  } else if (mode == MODE_INPUT && level) {
    pin_set_mode(pin, MODE_PULLUP);
  }
}

void digital_write_port(uint8_t port, uint8_t value) {
  for (uint8_t bit = 0; bit < 8; bit++) {
    uint8_t pin = (uint8_t)(port * 8 + bit);
    if (pin >= TOTAL_PINS) break;
    if (!pin_is_usable(pin)) continue;
    write_one(pin, (value >> bit) & 1U);
  }
}

void digital_write_pin(uint8_t pin, uint8_t value) {
  /* As StandardFirmata: only pins already in OUTPUT mode change. */
  if (pin_is_usable(pin) && pin_modes[pin] == MODE_OUTPUT) write_one(pin, value ? 1 : 0);
}
