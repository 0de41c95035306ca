/* Firmata messages from the host: a byte-at-a-time parser and the command handlers. */
#ifndef CHISPA_FIRMATA_H
#define CHISPA_FIRMATA_H

#include <stdint.h>

void firmata_parser_reset(void);
/* Feeds one received byte; runs the command once its message is complete. */
void firmata_feed(uint8_t byte);
/* SYSTEM_RESET and power-on state: every pin to its default mode, reporting off, tone and servos off. */
void firmata_system_reset(void);

#endif
