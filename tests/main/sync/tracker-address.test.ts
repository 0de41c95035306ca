import { describe, expect, it } from 'vitest';
import { parseTrackerAddress, trackerEndpoint } from '../../../main/sync/tracker-address';

const codeOf = (address: string) => {
  try {
    parseTrackerAddress(address);
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('tracker address', () => {
  it('accepts https anywhere and plain http only to this computer', () => {
    expect(parseTrackerAddress('https://tracker.example.org/').toString()).toBe(
      'https://tracker.example.org/',
    );
    expect(parseTrackerAddress('tracker.example.org').protocol).toBe('https:');
    for (const loopback of [
      'http://127.0.0.1:8080',
      'http://localhost:3000',
      'http://[::1]:9000',
      'http://127.5.6.7',
    ])
      expect(codeOf(loopback), loopback).toBe('ok');
    for (const remote of [
      'http://192.168.1.10:8080',
      'http://tracker.example.org',
      'http://10.0.0.1',
      'http://[::2]',
    ])
      expect(codeOf(remote), remote).toBe('sync.insecure-address');
  });

  it('refuses what is not a plain web address', () => {
    for (const bad of [
      'ftp://tracker.example.org',
      'https://user:pw@tracker.example.org',
      'https://x.org/?a=1',
      'http://',
    ])
      expect(codeOf(bad), bad).toBe('sync.bad-address');
  });

  it('keeps a base path when joining endpoint paths', () => {
    expect(trackerEndpoint('https://host.org/tracker', '/api/v1/sync')).toBe(
      'https://host.org/tracker/api/v1/sync',
    );
    expect(trackerEndpoint('http://127.0.0.1:4000', '/api/v1/health')).toBe(
      'http://127.0.0.1:4000/api/v1/health',
    );
  });
});
