/* Servo pulses on any pin from Timer1, like the Arduino Servo library: up to 8 servos, one after
 * another in a 20 ms frame (50 Hz), 0.5 µs resolution. While a servo is attached Timer1 is the
 * servo timer, so pins 9 and 10 cannot do PWM. */
#ifndef CHISPA_SERVO_H
#define CHISPA_SERVO_H

#include <stdint.h>

#define MAX_SERVOS 8
#define SERVO_DEFAULT_MIN_US 544
#define SERVO_DEFAULT_MAX_US 2400
#define SERVO_DEFAULT_PULSE_US 1500

/* Attaches (or re-ranges) a servo; returns 0 when all slots are taken. */
uint8_t servo_attach(uint8_t pin, uint16_t min_us, uint16_t max_us);
void servo_detach(uint8_t pin);
void servo_detach_all(void);
/* Analog write on a servo pin: values below 544 are degrees (mapped to min..max), others µs. */
void servo_write(uint8_t pin, uint16_t value);
uint8_t servo_timer_active(void);

#endif
