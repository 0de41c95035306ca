#include "firmata-out.h"

#include <avr/pgmspace.h>

#include "config.h"
#include "pins.h"
#include "uart.h"

static void send_14bit(uint16_t value) {
  uart_write((uint8_t)(value & 0x7F));
  uart_write((uint8_t)((value >> 7) & 0x7F));
}

void firmata_send_version(void) {
  uart_write(REPORT_VERSION);
  uart_write(FIRMATA_PROTOCOL_MAJOR);
  uart_write(FIRMATA_PROTOCOL_MINOR);
}

void firmata_send_firmware(void) {
  static const char name[] = FIRMWARE_NAME;
  uart_write(START_SYSEX);
  uart_write(REPORT_FIRMWARE);
  uart_write(FIRMWARE_MAJOR);
  uart_write(FIRMWARE_MINOR);
  for (const char *c = name; *c; c++) send_14bit((uint8_t)*c);
  uart_write(END_SYSEX);
}

void firmata_send_analog(uint8_t channel, uint16_t value) {
  uart_write((uint8_t)(ANALOG_MESSAGE | (channel & 0x0F)));
  send_14bit(value);
}

void firmata_send_digital_port(uint8_t port, uint8_t value) {
  uart_write((uint8_t)(DIGITAL_MESSAGE | (port & 0x0F)));
  send_14bit(value);
}

static void send_mode(uint8_t mode, uint8_t resolution) {
  uart_write(mode);
  uart_write(resolution);
}

void firmata_send_capabilities(void) {
  uart_write(START_SYSEX);
  uart_write(CAPABILITY_RESPONSE);
  for (uint8_t pin = 0; pin < TOTAL_PINS; pin++) {
    if (pin_is_usable(pin)) {
      send_mode(MODE_INPUT, 1);
      send_mode(MODE_PULLUP, 1);
      send_mode(MODE_OUTPUT, 1);
      if (pin_is_analog(pin)) send_mode(MODE_ANALOG, 10);
      if (pin_is_pwm(pin)) send_mode(MODE_PWM, 8);
      if (pin_is_i2c(pin)) send_mode(MODE_I2C, 1);
      send_mode(MODE_SERVO, 14);
      send_mode(MODE_PING_READ, 1);
    }
    uart_write(0x7F);
  }
  uart_write(END_SYSEX);
}

void firmata_send_analog_mapping(void) {
  uart_write(START_SYSEX);
  uart_write(ANALOG_MAPPING_RESPONSE);
  for (uint8_t pin = 0; pin < TOTAL_PINS; pin++) {
    uart_write(pin_is_analog(pin) ? (uint8_t)(pin - FIRST_ANALOG_PIN) : 0x7F);
  }
  uart_write(END_SYSEX);
}

void firmata_send_pin_state(uint8_t pin) {
  if (pin >= TOTAL_PINS) return;
  uint16_t state = pin_states[pin];
  uart_write(START_SYSEX);
  uart_write(PIN_STATE_RESPONSE);
  uart_write(pin);
  uart_write(pin_modes[pin]);
  uart_write((uint8_t)(state & 0x7F));
  if (state > 0x7F) uart_write((uint8_t)((state >> 7) & 0x7F));
  if (state > 0x3FFF) uart_write((uint8_t)((state >> 14) & 0x7F));
  uart_write(END_SYSEX);
}

void firmata_send_ping(uint8_t pin, uint32_t duration_us) {
  uart_write(START_SYSEX);
  uart_write(PING_READ);
  send_14bit(pin);
  /* Four bytes, most significant first, each as two 7-bit halves (what firmata-io decodes). */
  for (int8_t shift = 24; shift >= 0; shift -= 8) send_14bit((uint8_t)(duration_us >> shift));
  uart_write(END_SYSEX);
}

void firmata_send_i2c_reply(uint8_t address, uint16_t reg, const uint8_t *data, uint8_t count) {
  uart_write(START_SYSEX);
  uart_write(I2C_REPLY);
  send_14bit(address);
  send_14bit(reg);
  for (uint8_t i = 0; i < count; i++) send_14bit(data[i]);
  uart_write(END_SYSEX);
}

void firmata_send_string_P(const char *text) {
  uart_write(START_SYSEX);
  uart_write(STRING_DATA);
  for (char c; (c = (char)pgm_read_byte(text)) != 0; text++) send_14bit((uint8_t)c);
  uart_write(END_SYSEX);
}
