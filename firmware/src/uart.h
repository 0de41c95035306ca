/* USART0 at 57600 baud with interrupt-driven receive and transmit ring buffers. */
#ifndef CHISPA_UART_H
#define CHISPA_UART_H

#include <stdint.h>

void uart_init(void);
/* Bytes waiting in the receive buffer. */
uint8_t uart_available(void);
/* Next received byte; call only when uart_available() is non-zero. */
uint8_t uart_read(void);
/* Queues one byte for sending; waits while the transmit buffer is full. */
void uart_write(uint8_t byte);
/* True while bytes are still queued for sending. */
uint8_t uart_tx_busy(void);

#endif
