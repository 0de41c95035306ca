/* Square-wave tone on any pin from Timer2 (one tone at a time, like Arduino's tone()).
 * While a tone plays Timer2 is the tone timer, so pins 3 and 11 cannot do PWM. */
#ifndef CHISPA_TONE_H
#define CHISPA_TONE_H

#include <stdint.h>

#define TONE_NO_PIN 0xFF

/* Starts a tone of `hz` (31-65535) on `pin`; duration 0 plays until tone_stop(). */
void tone_start(uint8_t pin, uint16_t hz, uint16_t duration_ms);
void tone_stop(void);
/* The pin playing a tone, or TONE_NO_PIN. */
uint8_t tone_pin(void);
uint8_t tone_active(void);
/* Finishes a timed tone whose time is up (the interrupt only flags it). */
void tone_poll(void);

#endif
