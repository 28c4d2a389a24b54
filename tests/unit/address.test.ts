import { describe, expect, it } from 'vitest';
import { bareDomain, normalizeAddress, pageAddress, providerHref, typedDomain, withAddress } from '../../src/lib/address.ts';
import { resolve, type LookupMap } from '../../src/lib/lookup.ts';
import { suggestPath } from '../../src/lib/not-found.ts';

const map: LookupMap = { domains: { '163.com': '163.com', '163.net': '163.net', 'qq.com': 'qq.com', 'foxmail.com': 'qq.com', 'xn--fiqs8s.cn': 'xn--fiqs8s.cn' }, hosts: { 'smtp.163.com': '163.com' } };

describe('address normalisation', () => {
  it('reads full-width forms from Chinese input methods', () => {
    expect(normalizeAddress('ｚｈａｎｇ＠１６３．ｃｏｍ')).toBe('zhang@163.com');
    expect(normalizeAddress('zhang@163。com')).toBe('zhang@163.com');
  });
  it('drops surrounding spaces, upper case and a trailing dot', () => {
    expect(normalizeAddress('  Zhang@163.COM. ')).toBe('zhang@163.com');
    expect(normalizeAddress('\u3000zhang@163.com\u3000')).toBe('zhang@163.com');
  });
  it('turns a Unicode domain into its punycode form, and leaves punycode alone', () => {
    expect(normalizeAddress('li@中国.cn')).toBe('li@xn--fiqs8s.cn');
    expect(normalizeAddress('li@XN--FIQS8S.CN')).toBe('li@xn--fiqs8s.cn');
  });
  it('leaves what is not an address for the lookup to reject', () => {
    expect(normalizeAddress('not an address')).toBe('not an address');
    expect(normalizeAddress('me@16 3.com')).toBe('me@16 3.com');
  });
});

describe('lookup of what people type', () => {
  it('finds full-width, IDN and trailing-dot addresses', () => {
    expect(resolve('ｚｈａｎｇ＠１６３．ｃｏｍ', map)).toEqual({ kind: 'known', domain: '163.com' });
    expect(resolve('zhang@163.com.', map)).toEqual({ kind: 'known', domain: '163.com' });
    expect(resolve('li@中国.cn', map)).toEqual({ kind: 'known', domain: 'xn--fiqs8s.cn' });
    expect(resolve('li@xn--fiqs8s.cn', map)).toEqual({ kind: 'known', domain: 'xn--fiqs8s.cn' });
    // An IDN top-level domain is a domain too, not an invalid address.
    expect(resolve('li@例子.中国.', map)).toEqual({ kind: 'unknown', domain: 'xn--fsqu00a.xn--fiqs8s' });
  });
  it('sends a bare provider name or number to the provider, preferring a primary domain', () => {
    expect(resolve('163', map)).toEqual({ kind: 'known', domain: '163.com' });
    expect(resolve(' QQ ', map)).toEqual({ kind: 'known', domain: 'qq.com' });
    expect(resolve('foxmail', map)).toEqual({ kind: 'known', domain: 'qq.com' });
    expect(bareDomain('465', map.domains)).toBeUndefined();
    expect(resolve('465', map).kind).toBe('invalid');
  });
});

describe('?address= on pages', () => {
  it('accepts an address of the page’s provider only', () => {
    expect(pageAddress('?address=zhang%40163.com', ['163.com'])).toBe('zhang@163.com');
    expect(pageAddress('?address=%EF%BD%9A%EF%BD%88%EF%BD%81%EF%BD%8E%EF%BD%87%EF%BC%A0163.com', ['163.com'])).toBe('zhang@163.com');
    expect(pageAddress('?address=zhang%40qq.com', ['163.com'])).toBeNull();
    expect(pageAddress('?address=%3Cb%3E%40163.com', ['163.com'])).toBeNull();
    expect(pageAddress('', ['163.com'])).toBeNull();
  });
  it('accepts an address at any domain on a provider that hosts company domains', () => {
    expect(pageAddress('?address=name%40mycompany.cn', 'any')).toBe('name@mycompany.cn');
    expect(pageAddress('?address=name%40not%20a%20domain', 'any')).toBeNull();
    expect(pageAddress('?address=%3Cb%3E%40mycompany.cn', 'any')).toBeNull();
  });
  it('adds the address to a link and keeps its anchor', () => {
    expect(withAddress('/zh-cn/163.com/ios/#step-password', 'zhang@163.com')).toBe('/zh-cn/163.com/ios/?address=zhang@163.com#step-password');
    expect(withAddress('/en/163.com/?address=old@163.com', 'new@163.com')).toBe('/en/163.com/?address=new@163.com');
    expect(new URL(withAddress('/en/163.com/', 'a+b@163.com'), 'http://x').searchParams.get('address')).toBe('a+b@163.com');
  });
  it('the lookup carries an address on, and only an address', () => {
    expect(providerHref('/en/', '163.com', ' ＺＨＡＮＧ＠163.com ')).toBe('/en/163.com/?address=zhang@163.com');
    expect(providerHref('/en/', '163.com', '163')).toBe('/en/163.com/');
  });
});

describe('404 suggestions', () => {
  // Aliases as the client files give them (src/data/clients/*.json).
  const clients = { outlook: ['Windows', 'Outlook Desktop'], ios: ['iPhone', 'iPad', 'Apple Mail'], android: ['Android Mail', 'Gmail'] };
  it('suggests the guide a common client name meant', () => {
    expect(suggestPath('/zh-cn/163.com/iphone/', clients)).toBe('/zh-cn/163.com/ios/');
    expect(suggestPath('/en/gmail.com/iPad', clients)).toBe('/en/gmail.com/ios/');
    expect(suggestPath('/en/gmail.com/windows/', clients)).toBe('/en/gmail.com/outlook/');
    expect(suggestPath('/en/gmail.com/apple-mail/', clients)).toBe('/en/gmail.com/ios/');
  });
  it('suggests nothing it cannot back', () => {
    expect(suggestPath('/en/gmail.com/ios/', clients)).toBeNull();
    expect(suggestPath('/en/gmail.com/mac/', clients)).toBeNull();
    expect(suggestPath('/en/whatever/', clients)).toBeNull();
  });
});

describe('typedDomain', () => {
  it('shows a Unicode domain as typed, not in its xn-- form', () => {
    const ascii = normalizeAddress('用户@例子.中国').split('@')[1]!;
    expect(ascii).toMatch(/^xn--/);
    expect(typedDomain('用户@例子.中国', ascii)).toBe('例子.中国');
    expect(typedDomain(' 例子。中国. ', ascii)).toBe('例子.中国');
  });
  it('keeps the dataset form otherwise', () => {
    expect(typedDomain('Me@163.COM', '163.com')).toBe('163.com');
    expect(typedDomain('', 'xn--fiqs8s.cn')).toBe('xn--fiqs8s.cn');
    expect(typedDomain('me@other.cn', 'xn--fiqs8s.cn')).toBe('xn--fiqs8s.cn');
  });
});
