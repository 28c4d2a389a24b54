// What built pages say in their HTML, checked over the files in dist/ (run `npm run build` first)
// on every page concerned; tests/e2e keeps a fixed sample of each in the browser, where scripts,
// layout and navigation matter.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { providers, clients, dnsRecords, knownErrors } from '../../src/lib/dataset.ts';
import { errorAction, PICKER_MAX } from '../../src/lib/errors.ts';
import { hasGuide } from '../../src/lib/guide.ts';
import { t } from '../../src/lib/i18n.ts';
import { basis, gradeOf } from '../../src/lib/evidence.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { around, elements, next, text } from '../html.ts';
import { doubledWords } from '../words.ts';
import { htmlFiles, pathOf } from '../links.ts';
import { domainsOf } from '../../src/lib/domains.ts';

const built = (path: string) => {
  const file = `dist${path}index.html`;
  expect(existsSync(file), `${file} is missing: run \`npm run build\` first`).toBe(true);
  return readFileSync(file, 'utf8');
};

// What each NetEase provider's guides must tell the user, written from the research notes
// (research/netease-sources.md), not from the code that picks the servers.
const NETEASE: Record<string, { imap: string; smtp: string }> = {
  '163.com': { imap: 'imap.163.com', smtp: 'smtp.163.com' },
  '126.com': { imap: 'imap.126.com', smtp: 'smtp.126.com' },
  'yeah.net': { imap: 'imap.yeah.net', smtp: 'smtp.yeah.net' },
  '188.com': { imap: 'imap.188.com', smtp: 'smtp.188.com' },
  'vip.163.com': { imap: 'imap.vip.163.com', smtp: 'smtp.vip.163.com' },
  'vip.126.com': { imap: 'imap.vip.126.com', smtp: 'smtp.vip.126.com' },
  'qiye.163.com': { imap: 'imap.qiye.163.com', smtp: 'smtp.qiye.163.com' },
};
const PASSWORD_WORD = { en: 'authorization code', 'zh-cn': '授权码' } as const;

describe('every built page', () => {
  const files = existsSync('dist') ? htmlFiles('dist') : [];
  const paths = new Set(files.map((f) => pathOf('dist', f)));

  it('every provider and other domain in the dataset has its page in both languages, each researched NetEase provider its guides', () => {
    const want = LOCALES.flatMap((locale) => [
      ...providers.flatMap(domainsOf).map((d) => `/${locale}/${d}/`),
      ...Object.keys(NETEASE).flatMap((d) => ['outlook', 'ios', 'android'].map((c) => `/${locale}/${d}/${c}/`)),
    ]);
    expect(want.filter((p) => !paths.has(p))).toEqual([]);
  });

  it('declares the language it is written in', () => {
    for (const file of files) {
      const path = pathOf('dist', file);
      const lang = readFileSync(file, 'utf8').match(/<html[^>]*\blang="([^"]+)"/)?.[1];
      expect(lang, path).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
    }
  });

  it('holds no IP address', () => {
    const ip = /(^|[^\d.])((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/;
    for (const file of files) expect(readFileSync(file, 'utf8').match(ip)?.[0], file).toBeUndefined();
  });
});

describe('guides of the researched NetEase providers', () => {
  it('the researched providers are in the dataset, each with the iOS, Android and Outlook guides', () => {
    expect(providers.map((p) => p.domain)).toEqual(expect.arrayContaining(Object.keys(NETEASE)));
    for (const domain of Object.keys(NETEASE)) {
      const guides = clients.filter((c) => hasGuide(providers.find((p) => p.domain === domain)!, c)).map((c) => c.id);
      expect(guides, domain).toEqual(expect.arrayContaining(['outlook', 'ios', 'android']));
    }
  });

  for (const locale of LOCALES) {
    for (const [domain, want] of Object.entries(NETEASE)) {
      it(`${locale} ${domain}: every guide shows the recommended servers, ports, the authorization code and the API’s grade`, () => {
        const provider = providers.find((p) => p.domain === domain)!;
        // The grade the API computes from the sources is the one the page shows.
        const served = JSON.parse(readFileSync(`dist/api/v1/providers/${domain}.json`, 'utf8')) as { servers: { imap: { host: string; port: number; grade: string }[] } };
        const grade = served.servers.imap.find((s) => s.host === want.imap && s.port === 993)!.grade;
        for (const client of clients.filter((c) => hasGuide(provider, c))) {
          const html = built(`/${locale}/${domain}/${client.id}/`);
          const incoming = next(html, 'id="incoming"', 'dd') ?? '';
          const outgoing = next(html, 'id="outgoing"', 'dd') ?? '';
          expect(text(incoming), client.id).toContain(want.imap);
          expect(text(incoming), client.id).toMatch(/\b993\b/);
          expect(text(incoming), client.id).toContain('SSL/TLS');
          expect(text(outgoing), client.id).toContain(want.smtp);
          expect(text(outgoing), client.id).toMatch(/\b465\b/);
          expect(text(around(html, 'li', 'id="step-password"') ?? ''), client.id).toContain(PASSWORD_WORD[locale]);
          const evidence = elements(incoming, 'span', 'class="evidence')[0] ?? '';
          expect(evidence, client.id).toContain(`data-grade="${grade}"`);
          // The badge says what the value rests on: the provider's own words, the sources that agree, or the one source.
          const server = provider.servers.imap.find((s) => s.host === want.imap && s.port === 993)!;
          expect(text(evidence), client.id).toContain(basis(server, provider, locale).text);
        }
      });
    }
  }
});

describe('DNS pages', () => {
  for (const locale of LOCALES) {
    const s = t(locale);
    for (const dns of dnsRecords) {
      it(`${locale} ${dns.provider}: the provider page links the DNS page, which shows every record with its grade`, () => {
        const provider = providers.find((p) => p.domain === dns.provider)!;
        const links = elements(built(`/${locale}/${dns.provider}/`), 'a', `href="/${locale}/${dns.provider}/dns/"`).map(text);
        expect(links).toContain(s.dnsLink(provider.shortName[locale]));
        const html = built(`/${locale}/${dns.provider}/dns/`);
        expect(elements(html, 'h1').map(text)).toEqual([s.dnsTitle(provider.name[locale])]);
        const rows = elements(html, 'table').filter((table) => /^<table class="[^"]*\brecords\b/.test(table)).flatMap((table) => elements(table, 'tr'));
        expect(dns.records.length).toBeGreaterThan(0);
        for (const r of dns.records) {
          // The first row whose record value holds the record's, as a reader finds it.
          const row = rows.find((tr) => elements(tr, 'code', 'class="record-value"').some((code) => text(code).includes(r.value)));
          expect(row, `${r.type} ${r.value}`).toBeDefined();
          expect(text(elements(row!, 'td')[0]!)).toBe(r.type);
          expect(row!).toContain(`data-grade="${gradeOf(r, dns.sources)}"`);
          if (r.priority !== undefined) expect(text(row!)).toContain(String(r.priority));
        }
      });
    }
  }
});

// Every error page, as the HTML gives it; tests/e2e/moment.spec.ts checks a sample of shapes in the
// browser, where the order on screen and the links people tap are seen.
describe('error pages lead with the fix', () => {
  for (const locale of LOCALES) {
    it.each(knownErrors.map((e) => [e.id, e] as const))(`${locale} %s: meaning, one action, then causes; guide links once, at most ${PICKER_MAX}, all in the action`, (id, e) => {
      const [main] = elements(built(`/${locale}/errors/${id}/`), 'main');
      const at = ['id="meaning"', 'id="action"', 'id="causes"'].map((m) => main!.indexOf(m));
      expect(at.every((i) => i >= 0) && at[0]! < at[1]! && at[1]! < at[2]!, at.join(' ')).toBe(true);
      const [section] = elements(main!, 'section', 'class="action"');
      const action = errorAction(locale, e, providers, clients);
      expect(text(section!)).toContain(action.fix.text[locale]);
      if (action.password) expect(text(section!)).toContain(action.password.name);
      const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!);
      const isGuide = (h: string) => /^\/[^/]+\/[^/]+\/[^/]+\/(#.*)?$/.test(h) && !/\/(errors|ports|dns)\//.test(h);
      const guides = hrefs(main!).filter(isGuide);
      expect(guides.length).toBeLessThanOrEqual(PICKER_MAX);
      expect(new Set(guides).size).toBe(guides.length);
      expect(hrefs(section!).filter(isGuide)).toEqual(guides);
      const internal = hrefs(main!).filter((h) => h.startsWith('/'));
      expect(internal.filter((h, i) => internal.indexOf(h) !== i)).toEqual([]);
    });
  }
});

// Titles built from data say no word twice ("163 邮箱 邮箱", "@ @（域名本身）"), on every provider and DNS
// page; tests/e2e/moment.spec.ts reads the home page's cards in the browser.
describe('titles and intros say no word twice', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every provider page's title`, () => {
      for (const p of providers) {
        const h1 = text(elements(built(`/${locale}/${p.domain}/`), 'h1')[0]!);
        expect(doubledWords(h1), h1).toEqual([]);
      }
    });
    it(`${locale}: every DNS page's title, intro and record hosts`, () => {
      expect(dnsRecords.length).toBeGreaterThan(0);
      for (const d of dnsRecords) {
        const html = built(`/${locale}/${d.provider}/dns/`);
        const hosts = elements(html, 'td').filter((td) => td.startsWith(`<td data-label="${t(locale).dnsHost}"`));
        expect(hosts.length, d.provider).toBeGreaterThan(0);
        for (const part of [elements(html, 'h1')[0]!, next(html, '<h1', 'p')!, ...hosts]) expect(doubledWords(text(part)), `${d.provider}: ${text(part)}`).toEqual([]);
      }
    });
  }
});
