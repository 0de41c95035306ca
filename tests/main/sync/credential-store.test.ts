import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCredentialStore,
  credentialFiles,
  type SecretSealer,
} from '../../../main/sync/credential-store';

const credential = { deviceId: 'd-1', token: 'secret-token-123', bundleKey: 'a2V5' };

/** Stands in for the OS key store: a reversible transform that hides the text. */
const fakeSealer: SecretSealer = {
  seal: async (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  open: async (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

describe('credential store', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without an OS key store keeps the credential in a file only this user can read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'chispa-cred-'));
    const store = createCredentialStore(dir, null);
    expect(store.protection).toBe('private-file');
    expect(await store.load()).toBeNull();
    await store.save(credential);
    const file = credentialFiles(dir).plain;
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await createCredentialStore(dir, null).load()).toEqual(credential);
    store.clear();
    expect(existsSync(file)).toBe(false);
  });

  it('with an OS key store keeps only sealed bytes on disk and moves an older plain file into it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'chispa-cred-'));
    await createCredentialStore(dir, null).save(credential);
    const sealed = createCredentialStore(dir, fakeSealer);
    expect(sealed.protection).toBe('os-keystore');
    expect(await sealed.load()).toEqual(credential);
    const files = credentialFiles(dir);
    expect(existsSync(files.plain)).toBe(false);
    expect(readFileSync(files.sealed).toString('latin1')).not.toContain(credential.token);
    if (process.platform !== 'win32') expect(statSync(files.sealed).mode & 0o777).toBe(0o600);
    // Sealed by a key store this session cannot reach: the admin is asked to enrol again.
    await expect(createCredentialStore(dir, null).load()).rejects.toMatchObject({
      code: 'sync.credential-unreadable',
    });
  });
});
