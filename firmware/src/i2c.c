#include "i2c.h"

#include <avr/io.h>
#include <avr/pgmspace.h>
#include <util/twi.h>

#include "clock.h"
#include "firmata-out.h"
#include "pins.h"

#define MODE_WRITE 0
#define MODE_READ 1
#define MODE_READ_CONTINUOUSLY 2
#define MODE_STOP_READING 3
#define MODE_MASK 0x18
#define TEN_BIT_MASK 0x20
#define RESTART_MASK 0x40 /* keep the bus between the register write and the read */
#define NO_REGISTER 0xFFFF
#define MAX_QUERIES 8
#define MAX_READ 32
/* Busy-wait guard per bus step: a stuck bus (no pull-ups, shorted lines) must not hang us. */
#define STEP_SPINS 20000U

typedef struct {
  uint8_t address;
  uint8_t restart;
  uint16_t reg;
  uint8_t count;
} query_t;

static uint8_t enabled;
static uint16_t read_delay;
static query_t queries[MAX_QUERIES];
static uint8_t query_count;

static uint8_t wait_step(void) {
  for (uint16_t spins = 0; spins < STEP_SPINS; spins++) {
    if (TWCR & _BV(TWINT)) return 1;
  }
  return 0;
}

static void bus_stop(void) {
  TWCR = _BV(TWINT) | _BV(TWEN) | _BV(TWSTO);
  for (uint16_t spins = 0; spins < STEP_SPINS && (TWCR & _BV(TWSTO)); spins++) {
  }
}

/* START (or repeated START) and address; returns 1 when the device answered. */
static uint8_t bus_start(uint8_t address, uint8_t read) {
  TWCR = _BV(TWINT) | _BV(TWSTA) | _BV(TWEN);
  if (!wait_step()) return 0;
  uint8_t status = TW_STATUS;
  if (status != TW_START && status != TW_REP_START) return 0;
  TWDR = (uint8_t)((address << 1) | (read ? 1 : 0));
  TWCR = _BV(TWINT) | _BV(TWEN);
  if (!wait_step()) return 0;
  return TW_STATUS == (read ? TW_MR_SLA_ACK : TW_MT_SLA_ACK);
}

static uint8_t bus_write(uint8_t byte) {
  TWDR = byte;
  TWCR = _BV(TWINT) | _BV(TWEN);
  if (!wait_step()) return 0;
  return TW_STATUS == TW_MT_DATA_ACK;
}

static uint8_t bus_read(uint8_t *out, uint8_t ack) {
  TWCR = (uint8_t)(_BV(TWINT) | _BV(TWEN) | (ack ? _BV(TWEA) : 0));
  if (!wait_step()) return 0;
  *out = TWDR;
  return 1;
}

void i2c_config(uint16_t read_delay_us) {
  read_delay = read_delay_us;
  if (!enabled) {
    pin_set_mode(I2C_SDA_PIN, MODE_I2C);
    pin_set_mode(I2C_SCL_PIN, MODE_I2C);
    TWSR = 0; /* prescaler 1 */
    TWBR = (uint8_t)((F_CPU / 100000UL - 16) / 2); /* 100 kHz */
    TWCR = _BV(TWEN);
    enabled = 1;
  }
}

void i2c_reset(void) {
  TWCR = 0;
  enabled = 0;
  query_count = 0;
}

static void read_and_report(uint8_t address, uint16_t reg, uint8_t count, uint8_t restart) {
  uint8_t data[MAX_READ];
  if (count > MAX_READ) count = MAX_READ;
  uint8_t ok = 1;
  if (reg != NO_REGISTER) {
    ok = bus_start(address, 0) && bus_write((uint8_t)reg);
    if (!ok || !restart) bus_stop();
    if (ok && read_delay) clock_delay_us(read_delay);
  }
  uint8_t got = 0;
  if (ok && bus_start(address, 1)) {
    while (got < count && bus_read(&data[got], got + 1 < count)) got++;
  }
  bus_stop();
  if (got < count) {
    firmata_send_string_P(PSTR("I2C: Too few bytes received"));
    if (got == 0) return;
  }
  firmata_send_i2c_reply(address, reg == NO_REGISTER ? 0 : reg, data, got);
}

void i2c_request(const uint8_t *args, uint8_t argc) {
  if (argc < 2) return;
  if (!enabled) i2c_config(0);
  if (args[1] & TEN_BIT_MASK) {
    firmata_send_string_P(PSTR("I2C: 10-bit addressing not supported"));
    return;
  }
  uint8_t address = args[0];
  uint8_t mode = (uint8_t)((args[1] & MODE_MASK) >> 3);
  uint8_t restart = (args[1] & RESTART_MASK) ? 1 : 0;
  switch (mode) {
    case MODE_WRITE: {
      uint8_t ok = bus_start(address, 0);
      for (uint8_t i = 2; ok && i + 1 < argc; i += 2) ok = bus_write((uint8_t)(args[i] | (args[i + 1] << 7)));
      bus_stop();
      if (!ok) firmata_send_string_P(PSTR("I2C: no answer from the device"));
      clock_delay_us(70);
      break;
    }
    case MODE_READ:
    case MODE_READ_CONTINUOUSLY: {
      uint16_t reg = NO_REGISTER;
      uint16_t count;
      if (argc >= 6) {
        reg = (uint16_t)(args[2] | (args[3] << 7));
        count = (uint16_t)(args[4] | (args[5] << 7));
      } else if (argc >= 4) {
        count = (uint16_t)(args[2] | (args[3] << 7));
      } else {
        return;
      }
      if (mode == MODE_READ) {
        read_and_report(address, reg, (uint8_t)(count > MAX_READ ? MAX_READ : count), restart);
      } else if (query_count < MAX_QUERIES) {
        queries[query_count].address = address;
        queries[query_count].reg = reg;
        queries[query_count].count = (uint8_t)(count > MAX_READ ? MAX_READ : count);
        queries[query_count].restart = restart;
        query_count++;
      } else {
        firmata_send_string_P(PSTR("I2C: too many continuous reads"));
      }
      break;
    }
    case MODE_STOP_READING: {
      uint8_t kept = 0;
      for (uint8_t i = 0; i < query_count; i++) {
        if (queries[i].address != address) queries[kept++] = queries[i];
      }
      query_count = kept;
      break;
    }
  }
}

void i2c_poll(void) {
  for (uint8_t i = 0; i < query_count && enabled; i++) {
    read_and_report(queries[i].address, queries[i].reg, queries[i].count, queries[i].restart);
  }
}
