import { describe, expect, it } from 'vitest';
import { hasWhole, rerank, type Candidate } from '../../src/lib/rerank.ts';

const c = (index: number, title: string, content: string, extra: Partial<Candidate> = {}): Candidate => ({ index, title, content, ...extra });

describe('whole-token matching', () => {
  it('does not find a hostname inside a longer one, or a number inside a longer number', () => {
    expect(hasWhole('use imap.vip.126.com', 'imap.126.com')).toBe(false);
    expect(hasWhole('use imap.126.com.', 'imap.126.com')).toBe(true);
    expect(hasWhole('port 250 and 2525', '25')).toBe(false);
    expect(hasWhole('Port 25: SMTP', '25')).toBe(true);
    expect(hasWhole('发件服务器设置', '发件服务器')).toBe(true);
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
