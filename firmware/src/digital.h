/* Digital ports: writes from DIGITAL_MESSAGE, pull-ups, and change reporting of input pins. */
#ifndef CHISPA_DIGITAL_H
#define CHISPA_DIGITAL_H

#include <stdint.h>

void digital_reset(void);
/* REPORT_DIGITAL: when enabled, the port's input value is sent at once and then on every change. */
void digital_set_reporting(uint8_t port, uint8_t enable);
/* Sends a DIGITAL_MESSAGE for every reported port whose inputs changed. */
void digital_poll(void);
/* DIGITAL_MESSAGE from the host: sets OUTPUT pins; a 1 on an INPUT pin turns its pull-up on. */
void digital_write_port(uint8_t port, uint8_t value);
/* SET_DIGITAL_PIN_VALUE. */
void digital_write_pin(uint8_t pin, uint8_t value);

#endif
