import { describe, expect, it } from 'vitest';
import { mxPatterns } from '../../../src/lib/rules/mx-patterns.ts';
import { matchesPattern } from '../../../src/lib/dns-check.ts';
import { check, dnsFile, FILES } from './fixtures.ts';

const ctx = { file: FILES.dns };

describe('mx-patterns: one * per label, and every MX record matches a pattern', () => {
  it('passes the fixture, and the pattern shapes providers use', () => {
    expect(check(mxPatterns, dnsFile(), ctx)).toEqual([]);
    const d = dnsFile();
    d.mxPatterns = [{ pattern: '*.mxmail.mail.example', sources: ['help'] }];
    d.records[0]!.value = 'abc-1.mxmail.mail.example.';
    expect(check(mxPatterns, d, ctx)).toEqual([]);
  });

  it('reads a <…> part of a record value as a label the console gives', () => {
    const d = dnsFile();
    d.mxPatterns = [{ pattern: '*.mail.protection.example', sources: ['help'] }];
    d.records[0]!.value = '<domain-key>.mail.protection.example';
    expect(check(mxPatterns, d, ctx)).toEqual([]);
  });

  it('refuses two * in one label', () => {
    const d = dnsFile();
    d.mxPatterns.push({ pattern: 'mx**.mail.example', sources: ['help'] });
    expect(check(mxPatterns, d, ctx)).toEqual([`${FILES.dns}: mxPatterns[1].pattern = "mx**.mail.example": has more than one * in the label "mx**"; a * stands for part of one label, once per label`]);
  });

  it('refuses an MX record no pattern matches', () => {
    const d = dnsFile();
    d.records[0]!.value = 'mx.elsewhere.example';
    expect(check(mxPatterns, d, ctx)).toEqual([`${FILES.dns}: records[0].value = "mx.elsewhere.example": matches none of mxPatterns, so the lookup would not recognise a domain set up this way`]);
  });

  it('answers within a second for 30 stars and a long value (a regular expression backtracked for minutes)', () => {
    const d = dnsFile();
    d.mxPatterns.push({ pattern: `${'*'.repeat(30)}.mail.example`, sources: ['help'] });
    // Unclosed <…> parts too: a placeholder pattern that rescanned the rest of the value took quadratic time.
    d.records[0]!.value = `${'<a'.repeat(100_000)}!.mail.example`;
    const start = performance.now();
    const problems = check(mxPatterns, d, ctx);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(problems.map((p) => p.slice(0, p.indexOf(' = ')))).toEqual([`${FILES.dns}: mxPatterns[1].pattern`, `${FILES.dns}: records[0].value`]);
  });
});

describe('matchesPattern', () => {
  it('lets * stand for one or more letters, digits or hyphens within one label', () => {
    expect(matchesPattern('mx1.zoho.com', 'mx*.zoho.com')).toBe(true);
    expect(matchesPattern('MX1.ZOHO.COM.', 'mx*.zoho.com')).toBe(true);
    expect(matchesPattern('mx.zoho.com', 'mx*.zoho.com')).toBe(false);
    expect(matchesPattern('mx-a1.zoho.com', 'mx*.zoho.com')).toBe(true);
    expect(matchesPattern('mx1.eu.zoho.com', 'mx*.zoho.com')).toBe(false);
    expect(matchesPattern('a.b.mxmail.netease.com', '*.mxmail.netease.com')).toBe(false);
    expect(matchesPattern('mxbiz1.qq.com', 'mxbiz*.qq.com')).toBe(true);
    expect(matchesPattern('x.mail.protection.outlook.com', '*.mail.protection.outlook.com')).toBe(true);
    expect(matchesPattern('a_b.zoho.com', 'mx*.zoho.com')).toBe(false);
  });

  it('never matches a label with two stars, and stays fast on hostile input', () => {
    expect(matchesPattern('mx1.zoho.com', 'm**.zoho.com')).toBe(false);
    const start = performance.now();
    expect(matchesPattern(`${'a'.repeat(1_000_000)}!`, '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a')).toBe(false);
    expect(matchesPattern(`${'a.'.repeat(100_000)}com`, `${'*.'.repeat(100_000)}com`)).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
