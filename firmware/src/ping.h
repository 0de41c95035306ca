/* HC-SR04 / Ping))) distance read, as PingFirmata's PING_READ: trigger pulse on the pin, then the
 * length of the echo pulse on the same pin (wire TRIG and ECHO together, or use a 3-pin sensor). */
#ifndef CHISPA_PING_H
#define CHISPA_PING_H

#include <stdint.h>

/* Longest wait for an echo; a missing sensor must not stall the board for long. */
#define PING_MAX_TIMEOUT_US 250000UL

/* Sends a `pulse_us` pulse of level `value`, then measures the echo pulse of the same level.
 * Returns its length in µs, or 0 when no echo came within `timeout_us`. Blocks meanwhile. */
uint32_t ping_read(uint8_t pin, uint8_t value, uint32_t pulse_us, uint32_t timeout_us);

#endif
