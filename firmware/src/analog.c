#include "analog.h"

#include <avr/io.h>

#include "clock.h"
#include "config.h"
#include "firmata-out.h"
#include "pins.h"

static uint8_t reporting; /* bit per channel */
static uint32_t interval_us = DEFAULT_SAMPLING_INTERVAL_MS * 1000UL;
static uint32_t last_sample_us;

void analog_init(void) {
  /* AVcc reference, ADC clock 16 MHz / 128 = 125 kHz. */
  ADMUX = _BV(REFS0);
  ADCSRA = _BV(ADEN) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
}

void analog_reset(void) {
  reporting = 0;
  interval_us = DEFAULT_SAMPLING_INTERVAL_MS * 1000UL;
}

uint16_t analog_read(uint8_t channel) {
  ADMUX = (uint8_t)(_BV(REFS0) | (channel & 0x07));
  ADCSRA |= _BV(ADSC);
  while (ADCSRA & _BV(ADSC)) {
  }
  return ADC;
}

void analog_set_reporting(uint8_t channel, uint8_t enable) {
  if (channel >= TOTAL_ANALOG) return;
  if (enable) {
    uint8_t pin = (uint8_t)(FIRST_ANALOG_PIN + channel);
    uint8_t mode = pin_modes[pin];
    /* firmata-io never sends SET_PIN_MODE ANALOG, so a pin used as digital before is switched back. */
    if (mode == MODE_INPUT || mode == MODE_OUTPUT || mode == MODE_PULLUP) pin_set_mode(pin, MODE_ANALOG);
    reporting |= (uint8_t)(1U << channel);
    firmata_send_analog(channel, analog_read(channel));
  } else {
    reporting &= (uint8_t) ~(1U << channel);
  }
}

void analog_set_interval(uint16_t ms) {
  if (ms < MIN_SAMPLING_INTERVAL_MS) ms = MIN_SAMPLING_INTERVAL_MS;
  interval_us = (uint32_t)ms * 1000UL;
}

uint8_t analog_poll(void) {
  uint32_t now = clock_micros();
  if ((uint32_t)(now - last_sample_us) < interval_us) return 0;
  last_sample_us = now;
  for (uint8_t channel = 0; channel < TOTAL_ANALOG; channel++) {
    /* A pin switched to another mode keeps its report flag but is not sampled. */
    if ((reporting & (1U << channel)) && pin_modes[FIRST_ANALOG_PIN + channel] == MODE_ANALOG) {
      firmata_send_analog(channel, analog_read(channel));
    }
  }
  return 1;
}
