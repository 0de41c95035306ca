/**
 * A board that goes away while a program runs (cable pulled, virtual board stopped) ends the
 * program with a message saying so, instead of leaving it waiting on calls that cannot answer.
 */
import type { BoardState } from '../../common/ipc/contract-board';
import type { ChispaClient } from '../ipc/client';
import type { ProgramRunner } from './program-runner';

/** Board states that mean the running program has no board any more. */
export const boardGoneStates: readonly BoardState[] = ['lost', 'idle', 'error'];

export const stopOnBoardLoss = (
  client: Pick<ChispaClient, 'on'>,
  runner: Pick<ProgramRunner, 'state' | 'stop'>,
): (() => void) =>
  client.on('board.state', (status) => {
    if (runner.state === 'running' && boardGoneStates.includes(status.state)) runner.stop('board-lost');
  });
