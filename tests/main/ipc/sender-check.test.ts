import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/sender-check';

describe('Electron sender check', () => {
  it('trusts only the top-level frame of our own scheme', () => {
    expect(isTrustedSender({ url: 'chispa://app/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'chispa://app/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'chispa://other/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
