// What the search page shows of one result: the excerpt as text and marks, the section it
// links to, and whether the page answers the query at all.
import { describe, expect, it } from 'vitest';
import { bestSection, excerptParts, isRealMatch } from '../../src/lib/search-result.ts';

describe('excerpts', () => {
  it('splits Pagefind’s marks into parts and decodes its escapes, so markup in the text stays text', () => {
    expect(excerptParts('Port <mark>465</mark> &amp; &lt;b&gt;bold&lt;/b&gt; &quot;x&quot; it&#39;s')).toEqual([
      { text: 'Port ', mark: false },
      { text: '465', mark: true },
      { text: ' & <b>bold</b> "x" it\'s', mark: false },
    ]);
  });
  it('keeps adjacent marks apart and decodes inside them', () => {
    expect(excerptParts('<mark>授权</mark><mark>码</mark> <mark>a&amp;b</mark>')).toEqual([
      { text: '授权', mark: true },
      { text: '码', mark: true },
      { text: ' ', mark: false },
      { text: 'a&b', mark: true },
    ]);
  });
  it('decodes each escape once: an escaped entity stays an entity', () => {
    expect(excerptParts('&amp;lt;')).toEqual([{ text: '&lt;', mark: false }]);
  });
  it('gives nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});

describe('the section a result links to', () => {
  const sub = (title: string, url: string, hits: number) => ({ title, url, excerpt: '', locations: Array.from({ length: hits }, (_, i) => i) });

  it('is the one whose heading says most of the query', () => {
    const subs = [sub('All servers and ports', '/en/163.com/#servers', 9), sub('Password: client authorization code', '/en/163.com/#password', 2)];
    expect(bestSection('authorization code', subs)?.url).toBe('/en/163.com/#password');
  });
  it('else the one with most hits', () => {
    const subs = [sub('Quirks', '/en/163.com/#quirks', 1), sub('All servers and ports', '/en/163.com/#servers', 5)];
    expect(bestSection('993', subs)?.url).toBe('/en/163.com/#servers');
  });
  it('is none when the best one is the page itself (no anchor), or there are none', () => {
    expect(bestSection('163', [sub('163 Mail', '/en/163.com/', 9), sub('Quirks', '/en/163.com/#quirks', 1)])).toBeUndefined();
    expect(bestSection('163', [])).toBeUndefined();
    expect(bestSection('163')).toBeUndefined();
  });
});

describe('whether a page really answers the query', () => {
  const page = 'NetEase 163 Mail. A profile for your address. Installed, it adds the account. Secure connection type SSL/TLS. imap.163.com 993. 密码：客户端授权码。给自己发一封测试邮件。';

  it('is not when Pagefind stood in a prefix for a word no page has', () => {
    expect(isRealMatch('Axxxxxxxx', page)).toBe(false);
    expect(isRealMatch('发票', page)).toBe(false);
    expect(isRealMatch('xyz', page)).toBe(false);
  });
  it('is for words, numbers, hostnames and Chinese phrases on the page, whatever the case', () => {
    for (const q of ['163', '993', 'IMAP.163.COM', 'imap.163.com', 'Secure connection', '授权码', '客户端授权码', '163 xqzzy']) expect(isRealMatch(q, page), q).toBe(true);
  });
  it('is for stems and half-typed words, as Pagefind finds them', () => {
    for (const q of ['connections', 'installa', 'profiles', 'addr', 'imaps']) expect(isRealMatch(q, page), q).toBe(true);
  });
  it('is for a Chinese query that shares a word with the page, though not the whole phrase', () => {
    expect(isRealMatch('授权码在哪里', page)).toBe(true);
    expect(isRealMatch('163邮箱', page)).toBe(true);
  });
});
