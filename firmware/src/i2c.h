/* I2C master on the TWI (A4 = SDA, A5 = SCL) for Firmata's I2C_CONFIG / I2C_REQUEST, as
 * StandardFirmata: write, read once, continuous reads at the sampling interval, stop reading. */
#ifndef CHISPA_I2C_H
#define CHISPA_I2C_H

#include <stdint.h>

#define I2C_SDA_PIN 18
#define I2C_SCL_PIN 19

/* I2C_CONFIG: enables the bus (100 kHz) with a delay (µs) between writing a register and reading. */
void i2c_config(uint16_t read_delay_us);
/* I2C_REQUEST sysex body (after the command byte). */
void i2c_request(const uint8_t *args, uint8_t argc);
/* Runs the continuous reads; call once per sampling interval. */
void i2c_poll(void);
/* SYSTEM_RESET: bus off, continuous reads forgotten. */
void i2c_reset(void);

#endif
