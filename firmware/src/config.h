/* Chispa firmware identity and build-wide limits. */
#ifndef CHISPA_CONFIG_H
#define CHISPA_CONFIG_H

/* Reported in REPORT_FIRMWARE; the app compares it with the committed hex to offer an update.
 * Keep in sync with common/board/chispa-firmware.ts (a test checks both). */
#ifndef FIRMWARE_NAME /* overridable only for test variants (make EXTRA_CFLAGS=...) */
#define FIRMWARE_NAME "Chispa"
#endif
#ifndef FIRMWARE_MAJOR
#define FIRMWARE_MAJOR 1
#endif
#ifndef FIRMWARE_MINOR
#define FIRMWARE_MINOR 0
#endif

/* Firmata protocol version spoken (REPORT_VERSION). */
#define FIRMATA_PROTOCOL_MAJOR 2
#define FIRMATA_PROTOCOL_MINOR 5

#define SERIAL_BAUD 57600UL
#define DEFAULT_SAMPLING_INTERVAL_MS 19
#define MIN_SAMPLING_INTERVAL_MS 1

#endif
