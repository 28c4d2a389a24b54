// What the index's smaller chunks cost in search results. Pagefind 1.6 looks for words that start
// with a query word only in the chunk that word falls in (src/integrations/pagefind.ts), so the
// shipped index is compared with one of Pagefind's default chunk size, built from the same pages
// into the served snapshot: the same queries, in one page, against both.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';
import { PAGEFIND_OPTIONS } from '../../src/lib/pagefind-options.ts';

export const DEFAULT_CHUNKS = 20000;
const DEFAULT_DIR = 'pagefind-default';

/** Writes the default-chunk index beside the shipped one, into a snapshot of dist/ (never dist/). */
export function writeDefaultIndex(snap) {
  execFileSync(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', snap, '--output-subdir', DEFAULT_DIR, '--quiet'], {
    env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(DEFAULT_CHUNKS) },
    stdio: 'inherit',
  });
}

// Words people search for besides names and servers: the password, the ports, failures, records.
const TERMS = {
  'zh-cn': ['授权码', '客户端授权码', '密码', '端口', '加密', '无法登录', '发信', '收信', '认证失败', '企业邮箱', '独立密码', '登录失败', '服务器', '应用专用密码', '两步验证', '苹果', '安卓'],
  en: ['authorization code', 'app password', 'password', 'port', 'encryption', 'cannot sign in', 'authentication failed', 'business mail', 'two-step verification', 'server'],
};
const SHARED = ['Unsafe Login', '535', 'STARTTLS', 'SSL', '465', '993', '587', '110', '25', '995', '143', 'SPF', 'DKIM', 'MX', 'DMARC', 'so', 'ya', 'mail'];

/** Every provider's domain, first word of it, short name and first server, plus the terms above. */
export function recallQueries(dist, locale) {
  const { providers } = JSON.parse(readFileSync(join(dist, 'api/v1/providers.json'), 'utf8'));
  const qs = new Set([...TERMS[locale], ...SHARED]);
  for (const p of providers) {
    const host = p.servers.imap?.[0]?.host ?? p.servers.pop3?.[0]?.host ?? p.servers.smtp?.[0]?.host;
    for (const q of [p.domain, p.domain.split('.')[0], p.shortName[locale], host]) if (q) qs.add(q);
  }
  return [...qs];
}

/** Per locale: queries whose results lose pages against the default chunking, and whose first result differs. */
export async function measureRecall(browser, origin, dist, locale) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/${locale}/search/`);
    const queries = recallQueries(dist, locale);
    const rows = await page.evaluate(
      async ({ queries, other, options }) => {
        const shipped = await window.portolanPagefind();
        const fallback = await import(`/${other}/pagefind.js`);
        await fallback.options(options);
        await fallback.init();
        const out = [];
        for (const q of queries) {
          const [a, b] = await Promise.all([shipped.search(q), fallback.search(q)]);
          const ids = new Set(a.results.map((r) => r.id));
          const missing = b.results.filter((r) => !ids.has(r.id)).length;
          out.push({ q, shipped: a.results.length, default: b.results.length, missing, sameFirst: a.results[0]?.id === b.results[0]?.id });
        }
        return out;
      },
      { queries, other: DEFAULT_DIR, options: PAGEFIND_OPTIONS },
    );
    const losing = rows.filter((r) => r.missing > 0);
    return {
      locale,
      queries: rows.length,
      queriesLosingPages: losing.length,
      pagesMissing: losing.reduce((n, r) => n + r.missing, 0),
      otherFirstResult: rows.filter((r) => !r.sameFirst).length,
      worst: losing.sort((x, y) => y.missing - x.missing).slice(0, 5).map((r) => `${r.q}: ${r.missing} of ${r.default}`),
    };
  } finally {
    await page.close();
  }
}
