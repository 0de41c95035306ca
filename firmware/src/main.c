/* Chispa Firmata firmware: Firmata 2.5 for the kit (digital, analog, PWM, servo, tone, HC-SR04).
 * The loop handles received bytes, reports inputs and sleeps (idle mode) when nothing is left. */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/wdt.h>

#include "analog.h"
#include "clock.h"
#include "digital.h"
#include "firmata-out.h"
#include "firmata.h"
#include "i2c.h"
#include "pins.h"
#include "pwm.h"
#include "tone.h"
#include "uart.h"

#ifdef STARTUP_SILENCE_MS
/* Test variants only (make EXTRA_CFLAGS=-DSTARTUP_SILENCE_MS=2500): stay silent after reset while
 * blinking pin 13, as StandardFirmata does while it blinks its version. Received bytes wait in the
 * UART buffer meanwhile. */
static void startup_silence(void) {
  const uint32_t start = clock_micros();
  DDRB |= _BV(DDB5);
  for (;;) {
    const uint32_t elapsed = clock_micros() - start;
    if (elapsed >= (uint32_t)STARTUP_SILENCE_MS * 1000UL) break;
    if ((elapsed / 100000UL) & 1) PORTB |= _BV(PORTB5);
    else PORTB &= ~_BV(PORTB5);
    sleep_enable();
    sleep_cpu(); /* until the next timer 0 overflow (about 1 ms) or a received byte */
    sleep_disable();
  }
  PORTB &= ~_BV(PORTB5);
  DDRB &= ~_BV(DDB5);
}
#endif

int main(void) {
  /* After a watchdog reset the watchdog stays on; the firmware does not use it. */
  MCUSR = 0;
  wdt_disable();
  clock_init();
  pwm_init();
  analog_init();
  uart_init();
  firmata_system_reset();
  set_sleep_mode(SLEEP_MODE_IDLE);
  sei();
#ifdef STARTUP_SILENCE_MS
  startup_silence();
#endif

  /* Unprompted at boot: hosts (firmata-io) wait for these before anything else. */
  firmata_send_version();
  firmata_send_firmware();

  for (;;) {
    while (uart_available()) firmata_feed(uart_read());
    digital_poll();
    if (analog_poll()) i2c_poll(); /* continuous I2C reads share the sampling interval */
    tone_poll();

    /* Sleep until the next interrupt (a received byte, the 1 ms clock tick, a servo or tone
     * edge). Interrupts stay off between the check and the sleep so no byte slips past. */
    cli();
    if (!uart_available()) {
      sleep_enable();
      sei();
      sleep_cpu();
      sleep_disable();
    }
    sei();
  }
}
