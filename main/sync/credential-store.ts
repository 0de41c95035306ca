/**
 * The device credential the tracker issued at enrolment. It never goes to the renderer. Sealed
 * with the operating system's key store (Electron safeStorage, given as a SecretSealer by
 * main/electron) when one is available; otherwise a file only this OS user can read (0600).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../app/atomic-write';
import { syncError } from './errors';

export interface SecretSealer {
  seal(text: string): Promise<Buffer>;
  open(sealed: Buffer): Promise<string>;
}

/** What enrolment gave this PC: its id, the bearer credential and the key for USB bundles. */
export const deviceCredentialSchema = z.object({
  deviceId: z.string().min(1),
  token: z.string().min(1),
  bundleKey: z.string().min(1),
});
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>;

/** Where the secret lives, as the status tells the admin. */
export type CredentialProtection = 'os-keystore' | 'private-file';

export interface CredentialStore {
  readonly protection: CredentialProtection;
  save(credential: DeviceCredential): Promise<void>;
  load(): Promise<DeviceCredential | null>;
  clear(): void;
}

export const credentialFiles = (dataDir: string) => ({
  sealed: join(dataDir, 'sync-credential.sealed'),
  plain: join(dataDir, 'sync-credential.json'),
});

export const createCredentialStore = (dataDir: string, sealer: SecretSealer | null): CredentialStore => {
  const files = credentialFiles(dataDir);
  const clear = () => {
    rmSync(files.sealed, { force: true });
    rmSync(files.plain, { force: true });
  };
  return {
    protection: sealer ? 'os-keystore' : 'private-file',
    async save(credential) {
      const text = JSON.stringify(deviceCredentialSchema.parse(credential));
      const bytes = sealer ? await sealer.seal(text) : Buffer.from(text, 'utf8');
      writeFileAtomic(sealer ? files.sealed : files.plain, bytes);
      rmSync(sealer ? files.plain : files.sealed, { force: true });
    },
    async load() {
      if (sealer && existsSync(files.sealed)) {
        return deviceCredentialSchema.parse(JSON.parse(await sealer.open(readFileSync(files.sealed))));
      }
      if (existsSync(files.plain)) {
        const credential = deviceCredentialSchema.parse(JSON.parse(readFileSync(files.plain, 'utf8')));
        // The OS key store became available since: move the secret into it.
        if (sealer) await this.save(credential);
        return credential;
      }
      // Sealed by a key store this session cannot reach: the admin enrols the PC again.
      if (existsSync(files.sealed)) throw syncError('credential-unreadable');
      return null;
    },
    clear,
  };
};
