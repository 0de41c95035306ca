/* Hardware PWM on pins 3, 5, 6, 9, 10, 11 (Timer2, Timer0, Timer1), 8 bits as analogWrite.
 * Pins 9 and 10 lose PWM while a servo owns Timer1; pins 3 and 11 while a tone owns Timer2. */
#ifndef CHISPA_PWM_H
#define CHISPA_PWM_H

#include <stdint.h>

/* Timer1 and Timer2 in 8-bit phase-correct PWM at 490 Hz (Timer0 is set up by the clock). */
void pwm_timer1_init(void);
void pwm_timer2_init(void);
void pwm_init(void);
/* Duty 0-255 on a PWM pin; 0 and 255 give a steady level like Arduino's analogWrite. */
void pwm_write(uint8_t pin, uint8_t duty);
/* Detaches the timer output from the pin (the pin keeps its port level). */
void pwm_disconnect(uint8_t pin);

#endif
