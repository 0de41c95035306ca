#include "firmata.h"

#include "analog.h"
#include "digital.h"
#include "firmata-out.h"
#include "i2c.h"
#include "pins.h"
#include "ping.h"
#include "pwm.h"
#include "servo.h"
#include "tone.h"

#define SYSEX_MAX 64

static uint8_t waiting;    /* data bytes still expected for the current MIDI-style message */
static uint8_t command;    /* its command (high nibble for channel messages) */
static uint8_t channel;    /* its channel / port / pin nibble */
static uint8_t data[2];
static uint8_t received;
static uint8_t in_sysex;
static uint8_t sysex[SYSEX_MAX];
static uint8_t sysex_len;
static uint8_t sysex_overflow;

void firmata_parser_reset(void) {
  waiting = 0;
  in_sysex = 0;
  sysex_len = 0;
  sysex_overflow = 0;
}

static uint16_t get_14bit(const uint8_t *p) { return (uint16_t)(p[0] | ((uint16_t)p[1] << 7)); }

/* Four bytes sent as eight 7-bit halves, most significant byte first (PingFirmata). */
static uint32_t get_32bit(const uint8_t *p) {
  uint32_t value = 0;
  for (uint8_t i = 0; i < 4; i++) value = (value << 8) | (uint8_t)get_14bit(p + i * 2);
  return value;
}

/* ANALOG_MESSAGE / EXTENDED_ANALOG: PWM duty or servo position depending on the pin mode. */
static void analog_write(uint8_t pin, uint16_t value) {
  if (pin >= 20) return;
  if (pin_modes[pin] == MODE_PWM) pwm_write(pin, value > 255 ? 255 : (uint8_t)value);
  else if (pin_modes[pin] == MODE_SERVO) servo_write(pin, value);
}

static void handle_tone(void) {
  if (sysex_len < 3) return;
  uint8_t sub = sysex[1];
  uint8_t pin = sysex[2];
  if (!pin_is_usable(pin)) return;
  if (sub == 0 && sysex_len >= 7) {
    uint16_t hz = get_14bit(&sysex[3]);
    uint16_t ms = get_14bit(&sysex[5]);
    if (pin_modes[pin] != MODE_TONE) pin_set_mode(pin, MODE_TONE);
    tone_start(pin, hz, ms);
  } else if (sub == 1) {
    if (tone_pin() == pin) tone_stop();
  }
}

static void handle_sysex(void) {
  if (sysex_len == 0 || sysex_overflow) return;
  uint8_t const *args = &sysex[1];
  uint8_t argc = (uint8_t)(sysex_len - 1);
  switch (sysex[0]) {
    case REPORT_FIRMWARE:
      firmata_send_firmware();
      break;
    case CAPABILITY_QUERY:
      firmata_send_capabilities();
      break;
    case ANALOG_MAPPING_QUERY:
      firmata_send_analog_mapping();
      break;
    case PIN_STATE_QUERY:
      if (argc >= 1) firmata_send_pin_state(args[0]);
      break;
    case SAMPLING_INTERVAL:
      if (argc >= 2) analog_set_interval(get_14bit(args));
      break;
    case SERVO_CONFIG:
      if (argc >= 5 && pin_is_usable(args[0])) {
        uint8_t pin = args[0];
        if (pin_modes[pin] != MODE_SERVO) {
          pin_set_mode(pin, MODE_INPUT); /* releases PWM or tone held by the pin */
        }
        if (servo_attach(pin, get_14bit(&args[1]), get_14bit(&args[3]))) pin_modes[pin] = MODE_SERVO;
      }
      break;
    case EXTENDED_ANALOG:
      if (argc >= 2) {
        uint32_t value = 0;
        for (uint8_t i = 1; i < argc && i < 5; i++) value |= (uint32_t)args[i] << (7 * (i - 1));
        analog_write(args[0], value > 0xFFFF ? 0xFFFF : (uint16_t)value);
      }
      break;
    case PING_READ:
      if (argc >= 18) {
        uint8_t pin = args[0];
        uint32_t duration = ping_read(pin, args[1], get_32bit(&args[2]), get_32bit(&args[10]));
        firmata_send_ping(pin, duration);
      }
      break;
    case TONE_DATA:
      handle_tone();
      break;
    case I2C_CONFIG:
      /* firmata-io sends the delay as two 8-bit halves, StandardFirmata reads 7-bit halves:
       * both agree for delays below 128 µs, the only ones in use. */
      i2c_config(argc >= 2 ? (uint16_t)(args[0] | (args[1] << 7)) : 0);
      break;
    case I2C_REQUEST:
      i2c_request(args, argc);
      break;
    default:
      break; /* unknown sysex: ignored, as in StandardFirmata */
  }
}

static void handle_message(void) {
  switch (command) {
    case ANALOG_MESSAGE:
      analog_write(channel, get_14bit(data));
      break;
    case DIGITAL_MESSAGE:
      digital_write_port(channel, (uint8_t)get_14bit(data));
      break;
    case SET_PIN_MODE:
      pin_set_mode(data[0], data[1]);
      break;
    case SET_DIGITAL_PIN_VALUE:
      digital_write_pin(data[0], data[1]);
      break;
    case REPORT_ANALOG:
      analog_set_reporting(channel, data[0]);
      break;
    case REPORT_DIGITAL:
      digital_set_reporting(channel, data[0]);
      break;
    default:
      break;
  }
}

void firmata_feed(uint8_t byte) {
  if (in_sysex) {
    if (byte == END_SYSEX) {
      in_sysex = 0;
      handle_sysex();
      return;
    }
    if (!(byte & 0x80)) {
      if (sysex_len < SYSEX_MAX) sysex[sysex_len++] = byte;
      else sysex_overflow = 1;
      return;
    }
    in_sysex = 0; /* a command byte inside a sysex: drop the sysex, take the new command */
  }

  if (!(byte & 0x80)) {
    if (waiting == 0) return; /* stray data byte */
    data[received++] = byte;
    if (--waiting == 0) handle_message();
    return;
  }

  waiting = 0;
  received = 0;
  if (byte < 0xF0) {
    command = byte & 0xF0;
    channel = byte & 0x0F;
  } else {
    command = byte;
    channel = 0;
  }
  switch (command) {
    case ANALOG_MESSAGE:
    case DIGITAL_MESSAGE:
    case SET_PIN_MODE:
    case SET_DIGITAL_PIN_VALUE:
      waiting = 2;
      break;
    case REPORT_ANALOG:
    case REPORT_DIGITAL:
      waiting = 1;
      break;
    case START_SYSEX:
      in_sysex = 1;
      sysex_len = 0;
      sysex_overflow = 0;
      break;
    case REPORT_VERSION:
      firmata_send_version();
      break;
    case SYSTEM_RESET:
      firmata_system_reset();
      break;
    default:
      break;
  }
}

void firmata_system_reset(void) {
  firmata_parser_reset();
  pins_reset();
}
