import { describe, expect, it } from 'vitest';
import { hasWhole, preorder, rerank, searchRank, type Candidate } from '../../src/lib/rerank.ts';

const c = (index: number, title: string, content: string, extra: Partial<Candidate> = {}): Candidate => ({ index, title, content, ...extra });

describe('whole-token matching', () => {
  it('does not find a hostname inside a longer one, or a number inside a longer number', () => {
    const cases: [text: string, token: string, found: boolean][] = [
      ['use imap.vip.126.com', 'imap.126.com', false],
      ['use imap.126.com.', 'imap.126.com', true],
      ['port 250 and 2525', '25', false],
      ['Port 25: SMTP', '25', true],
      ['发件服务器设置', '发件服务器', true],
    ];
    for (const [text, token, found] of cases) expect(hasWhole(text, token), `${token} in ${text}`).toBe(found);
  });
});

describe('re-ranking', () => {
  it('puts the page whose title names the query first', () => {
    const out = rerank('465', [c(0, '163 Mail', 'smtp.163.com 465 465 465'), c(1, 'Port 465: SMTP (SSL/TLS)', '465')]);
    expect(out.map((r) => r.index)).toEqual([1, 0]);
  });
  it('prefers the page with the exact hostname over one with a longer hostname', () => {
    const out = rerank('imap.126.com', [c(0, 'VIP 126 Mail', 'imap.vip.126.com'), c(1, '126 Mail', 'imap.126.com')]);
    expect(out[0]!.index).toBe(1);
  });
  it('breaks ties by page kind, then provider priority', () => {
    const out = rerank('授权码', [
      c(0, '188 邮箱 设置', '授权码', { section: '密码：客户端授权码', priority: 6, kind: 'provider' }),
      c(1, '163 邮箱 教程', '授权码', { priority: 1, kind: 'guide' }),
      c(2, '163 邮箱 设置', '授权码', { section: '密码：客户端授权码', priority: 1, kind: 'provider' }),
    ]);
    expect(out.map((r) => r.index)).toEqual([2, 0, 1]);
  });
  it('keeps Pagefind’s order when nothing distinguishes the results', () => {
    expect(rerank('mail', [c(0, 'A', 'mail'), c(1, 'B', 'mail')]).map((r) => r.index)).toEqual([0, 1]);
  });
});

describe('the index’s rank sort and the order shown', () => {
  it('ranks page kinds generically: an error page, a provider, a port, a guide, anything else', () => {
    const order = ['error', 'provider', 'port', 'guide', 'home', undefined].map((k) => searchRank(k, 1));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order.slice(0, 5)).size).toBe(5);
    expect(searchRank('provider', 1)).toBeLessThan(searchRank('provider', 2));
    expect(searchRank('provider', 500)).toBeLessThan(searchRank('port', 1));
    expect(searchRank('provider')).toBeLessThan(searchRank('port'));
  });

  it('orders one provider’s guides by client order, below the provider order', () => {
    expect(searchRank('guide', 1, 1)).toBeLessThan(searchRank('guide', 1, 2));
    expect(searchRank('guide', 1, 99)).toBeLessThan(searchRank('guide', 2, 1));
    expect(searchRank('guide', 999, 99)).toBeLessThan(searchRank('home', 1, 1));
  });

  it('between two equally matching guides of one provider, the more used client comes first, even with a longer title', () => {
    const guide = (title: string, order: number, index: number) => ({ index, title, content: title, kind: 'guide', priority: 2, order });
    const shown = rerank('163 outlook', [guide('163 Mail in Outlook mobile', 6, 0), guide('163 Mail in Outlook for Windows', 1, 1)]);
    expect(shown.map((c) => c.order)).toEqual([1, 6]);
  });

  const r = (id: string, score: number) => ({ id, score });
  it('orders results Pagefind scores about as well as the best by their rank, and keeps its order below', () => {
    const results = [r('guide-163', 1.41), r('guide-126', 1.36), r('provider-126', 1.2), r('provider-163', 1.13), r('guide-qq', 1.0), r('provider-qq', 0.5)];
    const rank = new Map([['provider-163', 0], ['provider-126', 1], ['provider-qq', 2], ['guide-163', 3], ['guide-126', 4], ['guide-qq', 5]]);
    expect(preorder(results, rank).map((x) => x.id)).toEqual(['provider-163', 'provider-126', 'guide-163', 'guide-126', 'guide-qq', 'provider-qq']);
  });
  it('puts a page with the query as one phrase first among them', () => {
    const results = [r('provider-163', 2.15), r('guide-qq', 1.96)];
    expect(preorder(results, new Map([['provider-163', 0], ['guide-qq', 1]]), new Set(['guide-qq'])).map((x) => x.id)).toEqual(['guide-qq', 'provider-163']);
  });
  it('leaves a clear best result first, whatever its kind', () => {
    const results = [r('port-465', 1.3), r('provider-163', 0.4), r('guide-163', 0.4)];
    expect(preorder(results, new Map([['provider-163', 0], ['port-465', 1], ['guide-163', 2]])).map((x) => x.id)).toEqual(['port-465', 'provider-163', 'guide-163']);
  });
  it('puts results missing from the sort after ranked ones of the group, by score', () => {
    expect(preorder([r('a', 2), r('b', 1.9), r('c', 1.95)], new Map([['b', 0]])).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(preorder([], new Map())).toEqual([]);
  });
});
