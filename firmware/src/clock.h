/* Timer0: the time base (micros/millis) and, in fast PWM mode, the PWM of pins 5 and 6. */
#ifndef CHISPA_CLOCK_H
#define CHISPA_CLOCK_H

#include <stdint.h>

void clock_init(void);
/* Microseconds since boot, 4 µs resolution, wraps after about 71 minutes. */
uint32_t clock_micros(void);
/* Busy-waits; for short waits only (trigger pulses). */
void clock_delay_us(uint16_t us);

#endif
