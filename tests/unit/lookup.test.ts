import { describe, expect, it, vi } from 'vitest';
import { parseAddress, resolve, looksLikeAddress, type LookupMap } from '../../src/lib/lookup.ts';

const map: LookupMap = { domains: { '163.com': '163.com', 'qq.com': 'qq.com', 'foxmail.com': 'qq.com' }, hosts: { 'smtp.163.com': '163.com' } };

describe('address lookup', () => {
  it('finds a provider by address or bare domain, whatever the case and spacing', () => {
    expect(resolve('someone@163.com', map)).toEqual({ kind: 'known', domain: '163.com' });
    expect(resolve('  Some.One+tag@163.COM ', map)).toEqual({ kind: 'known', domain: '163.com' });
    expect(resolve('163.com', map)).toEqual({ kind: 'known', domain: '163.com' });
  });
  it('sends a provider’s other domains to its primary domain', () => {
    expect(resolve('me@foxmail.com', map)).toEqual({ kind: 'known', domain: 'qq.com' });
  });
  it('knows server hostnames, but not as the domain of an address', () => {
    expect(resolve('smtp.163.com', map)).toEqual({ kind: 'host', domain: '163.com' });
    expect(resolve('me@smtp.163.com', map)).toEqual({ kind: 'unknown', domain: 'smtp.163.com' });
  });
  it('answers unknown for a well-formed domain it does not cover', () => {
    expect(resolve('me@example.org', map)).toEqual({ kind: 'unknown', domain: 'example.org' });
  });
  it('rejects what is not an address', () => {
    for (const bad of ['', 'me@', '@163.com', 'me@@163.com', 'me@163', 'not an address', '.me@163.com', 'me..x@163.com', '<b>@163.com', 'me@1.2.3.4', 'me@16 3.com']) {
      expect(parseAddress(bad), bad).toBeNull();
      expect(resolve(bad, map).kind, bad).toBe('invalid');
    }
  });
  it('treats search words as searches, not lookups', () => {
    expect(looksLikeAddress('465')).toBe(false);
    expect(looksLikeAddress('Unsafe Login')).toBe(false);
    expect(looksLikeAddress('163.com')).toBe(true);
    expect(looksLikeAddress('x@y')).toBe(true);
    // A pasted reply holding an address is a search, not a malformed address (issue 21).
    expect(looksLikeAddress('Unsafe Login. Please contact kefu@188.com for help')).toBe(false);
  });
  it('looks up internationalised addresses and domains, as browsers read them (IDNA)', () => {
    const ace = new URL('http://例子.中国/').hostname;
    expect(resolve('用户@例子.中国', map)).toEqual({ kind: 'unknown', domain: ace });
    expect(resolve('例子.中国', map)).toEqual({ kind: 'unknown', domain: ace });
    expect(looksLikeAddress('用户@例子.中国')).toBe(true);
  });
});

describe('fetching the lookup map', () => {
  const ok = new Response(JSON.stringify(map), { status: 200 });

  it('tries again after a failed fetch instead of keeping the failure', async () => {
    vi.resetModules();
    const { lookup } = await import('../../src/lib/lookup.ts');
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(new Response('', { status: 503 })).mockResolvedValueOnce(ok);
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(lookup('me@163.com')).rejects.toThrow('Failed to fetch');
      await expect(lookup('me@163.com')).rejects.toThrow(/503/);
      await expect(lookup('me@163.com')).resolves.toEqual({ kind: 'known', domain: '163.com' });
      // Once loaded, its shard is not fetched again.
      await expect(lookup('163.com')).resolves.toEqual({ kind: 'known', domain: '163.com' });
      expect(fetch).toHaveBeenCalledTimes(3);
      expect(fetch).toHaveBeenLastCalledWith('/lookup/1.json');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
