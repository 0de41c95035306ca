import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { EnrolResponse, SyncResponse } from '../../../common/sync/sync-protocol';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export const postJson = async <T>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
};

export const enrol = (trackerUrl: string, code: string) =>
  postJson<EnrolResponse & { error?: { code: string } }>(`${trackerUrl}/api/v1/enrol`, { code });

/** A minimal device for tests: sends gzip'd batches with an Idempotency-Key. */
export const testDevice = (baseUrl: string, credential: string) => ({
  send: async (
    items: unknown[],
    key: string = randomUUID(),
  ): Promise<HttpAnswer<SyncResponse & { error?: { code: string } }>> => {
    const response = await fetch(`${baseUrl}/api/v1/sync`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${credential}`,
        'idempotency-key': key,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify({ items })),
    });
    return { status: response.status, body: await response.json() };
  },
});

export const enrolledDevice = async (trackerUrl: string, code: string) => {
  const answer = await enrol(trackerUrl, code);
  if (answer.status !== 201) throw new Error(`enrol failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body, ...testDevice(trackerUrl, answer.body.credential) };
};
