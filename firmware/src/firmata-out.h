/* Firmata messages from the board to the host. */
#ifndef CHISPA_FIRMATA_OUT_H
#define CHISPA_FIRMATA_OUT_H

#include <stdint.h>

#define START_SYSEX 0xF0
#define END_SYSEX 0xF7
#define REPORT_VERSION 0xF9
#define ANALOG_MESSAGE 0xE0
#define DIGITAL_MESSAGE 0x90
#define REPORT_ANALOG 0xC0
#define REPORT_DIGITAL 0xD0
#define SET_PIN_MODE 0xF4
#define SET_DIGITAL_PIN_VALUE 0xF5
#define SYSTEM_RESET 0xFF

#define TONE_DATA 0x5F /* Chispa (as FirmataPlus): [sub 0 tone | 1 no-tone, pin, hz lsb msb, ms lsb msb] */
#define ANALOG_MAPPING_QUERY 0x69
#define ANALOG_MAPPING_RESPONSE 0x6A
#define CAPABILITY_QUERY 0x6B
#define CAPABILITY_RESPONSE 0x6C
#define PIN_STATE_QUERY 0x6D
#define PIN_STATE_RESPONSE 0x6E
#define EXTENDED_ANALOG 0x6F
#define SERVO_CONFIG 0x70
#define STRING_DATA 0x71
#define PING_READ 0x75
#define I2C_REQUEST 0x76
#define I2C_REPLY 0x77
#define I2C_CONFIG 0x78
#define REPORT_FIRMWARE 0x79
#define SAMPLING_INTERVAL 0x7A

void firmata_send_version(void);
void firmata_send_firmware(void);
void firmata_send_analog(uint8_t channel, uint16_t value);
void firmata_send_digital_port(uint8_t port, uint8_t value);
void firmata_send_capabilities(void);
void firmata_send_analog_mapping(void);
void firmata_send_pin_state(uint8_t pin);
void firmata_send_ping(uint8_t pin, uint32_t duration_us);
void firmata_send_i2c_reply(uint8_t address, uint16_t reg, const uint8_t *data, uint8_t count);
/* STRING_DATA from a flash string (PSTR): a message for the host's log (firmata-io emits 'string'). */
void firmata_send_string_P(const char *text);

#endif
