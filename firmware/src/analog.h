/* ADC reads of A0-A5 and their periodic reporting at the sampling interval. */
#ifndef CHISPA_ANALOG_H
#define CHISPA_ANALOG_H

#include <stdint.h>

void analog_init(void);
void analog_reset(void);
/* REPORT_ANALOG: reporting of one channel on or off; enabling sends a first value at once. */
void analog_set_reporting(uint8_t channel, uint8_t enable);
/* SAMPLING_INTERVAL in milliseconds. */
void analog_set_interval(uint16_t ms);
/* Sends every reported channel when the sampling interval has passed; returns 1 on such a tick. */
uint8_t analog_poll(void);
/* 10-bit conversion of one channel (blocking, about 104 µs). */
uint16_t analog_read(uint8_t channel);

#endif
