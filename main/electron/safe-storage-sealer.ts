import { safeStorage } from 'electron';
import type { SecretSealer } from '../sync/credential-store';

/**
 * Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet) for the tracker credential, or null
 * where it protects nothing: not available, or Linux's 'basic_text' fallback (a fixed key), in
 * which case the credential goes to a file only this OS user can read.
 */
export const createSafeStorageSealer = async (): Promise<SecretSealer | null> => {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (text) => safeStorage.encryptStringAsync(text),
    open: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
};
