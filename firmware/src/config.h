/* Chispa firmware identity and build-wide limits. */
#ifndef CHISPA_CONFIG_H
#define CHISPA_CONFIG_H

/* Reported in REPORT_FIRMWARE; the app compares it with the committed hex to offer an update.
 * Keep in sync with common/board/chispa-firmware.ts (a test checks both). */
#define FIRMWARE_NAME "Chispa"
#define FIRMWARE_MAJOR 1
#define FIRMWARE_MINOR 0

/* Firmata protocol version spoken (REPORT_VERSION). */
#define FIRMATA_PROTOCOL_MAJOR 2
#define FIRMATA_PROTOCOL_MINOR 5

#define SERIAL_BAUD 57600UL
#define DEFAULT_SAMPLING_INTERVAL_MS 19
#define MIN_SAMPLING_INTERVAL_MS 1

#endif
