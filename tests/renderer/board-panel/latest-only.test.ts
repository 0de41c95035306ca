import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/board-panel/latest-only';

describe('latestOnly sender', () => {
  it('sends one at a time and only the newest of the values that came meanwhile', async () => {
    const sent: number[] = [];
    const releases: Array<() => void> = [];
    const send = latestOnly((value: number) => {
      sent.push(value);
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    send(1);
    send(2);
    send(3);
    send(4);
    expect(sent).toEqual([1]);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([1, 4]);
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    send(5);
    expect(sent).toEqual([1, 4, 5]);
  });

  it('keeps going after a failed send and reports it', async () => {
    const errors: unknown[] = [];
    const sent: number[] = [];
    const send = latestOnly(
      async (value: number) => {
        sent.push(value);
        if (value === 1) throw new Error('no board');
      },
      (error) => errors.push(error),
    );
    send(1);
    send(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
