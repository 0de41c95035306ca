#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "config.h"

/* Power-of-two sizes so the indexes wrap with a mask. */
#define RX_SIZE 128
#define TX_SIZE 128

static volatile uint8_t rx_buf[RX_SIZE];
static volatile uint8_t rx_head;
static volatile uint8_t rx_tail;
static volatile uint8_t tx_buf[TX_SIZE];
static volatile uint8_t tx_head;
static volatile uint8_t tx_tail;

void uart_init(void) {
  /* Double speed mode, as the Arduino core does at 57600: UBRR 34 gives 57142 baud (-0.8 %). */
  UCSR0A = _BV(U2X0);
  UBRR0 = (uint16_t)(((F_CPU / 4UL / SERIAL_BAUD) - 1) / 2); /* rounded like the Arduino core */
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00); /* 8N1 */
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

ISR(USART_RX_vect) {
  uint8_t byte = UDR0;
  uint8_t next = (uint8_t)((rx_head + 1) & (RX_SIZE - 1));
  if (next != rx_tail) { /* a full buffer drops the byte rather than overwrite unread ones */
    rx_buf[rx_head] = byte;
    rx_head = next;
  }
}

/* Sends the next byte and switches itself off once the buffer is empty, as Arduino's
 * HardwareSerial does: it never runs with nothing to send, so the UDRE flag stays set while idle
 * and uart_write can write UDR directly (avr8js clears UDRE when the interrupt is serviced). */
ISR(USART_UDRE_vect) {
  UDR0 = tx_buf[tx_tail];
  tx_tail = (uint8_t)((tx_tail + 1) & (TX_SIZE - 1));
  if (tx_head == tx_tail) UCSR0B &= (uint8_t)~_BV(UDRIE0);
}

uint8_t uart_available(void) { return (uint8_t)((rx_head - rx_tail) & (RX_SIZE - 1)); }

uint8_t uart_read(void) {
  uint8_t byte = rx_buf[rx_tail];
  rx_tail = (uint8_t)((rx_tail + 1) & (RX_SIZE - 1));
  return byte;
}

void uart_write(uint8_t byte) {
  /* Nothing queued and the data register free: send at once. */
  if (tx_head == tx_tail && (UCSR0A & _BV(UDRE0))) {
    UDR0 = byte;
    return;
  }
  uint8_t next = (uint8_t)((tx_head + 1) & (TX_SIZE - 1));
  while (next == tx_tail) {
    /* Buffer full: the UDRE interrupt drains it (interrupts are enabled in the main loop). */
  }
  tx_buf[tx_head] = byte;
  uint8_t sreg = SREG;
  cli();
  tx_head = next;
  UCSR0B |= _BV(UDRIE0);
  SREG = sreg;
}

uint8_t uart_tx_busy(void) { return tx_head != tx_tail; }
