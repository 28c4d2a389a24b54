// A copy of the project whose dataset is the real one plus N generated providers, made at bench time under
// bench-out/scale and never shipped. The copy shares the real node_modules through
// symlinks, but keeps its own caches (.vite, .astro) so it never writes into the real one.
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUT } from './lib.mjs';
import { IMPORTED_PRIORITY } from '../../src/lib/merge.ts';

// Top-level entries of the work tree that are outputs, caches or history, not the project.
const SKIP = new Set(['node_modules', 'dist', '.astro', 'bench-out', '.git', 'test-results', 'playwright-report', 'screenshots', '.vite']);
const CACHES = new Set(['.vite', '.astro', '.cache']);

export const SCALE_DIR = join(OUT, 'scale');

const pad = (i) => String(i).padStart(4, '0');
export const scaleDomain = (i) => `provider-${pad(i)}.example`;

/** One provider, valid against src/data/schema.ts and the data checks (src/lib/rules/). */
export function generatedProvider(i) {
  const n = pad(i);
  const domain = scaleDomain(i);
  const evidence = { sources: ['bench'] };
  const server = (host, port) => ({ host, port, security: 'ssl/tls', username: 'address', ...evidence });
  return {
    domain,
    otherDomains: [],
    name: { 'zh-cn': `示例邮箱 ${n}`, en: `Example Mail ${n}` },
    shortName: { 'zh-cn': `示例 ${n}`, en: `Example ${n}` },
    // Written into src/data/providers, so curated: below the imported providers' range (src/lib/rules/tier.ts).
    priority: Math.min(i + 1, IMPORTED_PRIORITY - 1),
    operator: { 'zh-cn': '示例公司', en: 'Example Inc.' },
    servers: {
      imap: [server(`imap.${domain}`, 993)],
      pop3: [],
      smtp: [server(`smtp.${domain}`, 465)],
    },
    password: {
      kind: 'app-password',
      name: { 'zh-cn': '应用专用密码', en: 'app password' },
      how: {
        'zh-cn': `登录网页版示例邮箱 ${n}，打开「设置」→「账户安全」，生成一个应用专用密码，在邮件客户端要求填写密码的地方填写它。`,
        en: `Sign in to Example Mail ${n} on the web, open Settings → Account security, create an app password and enter it wherever a mail app asks for a password.`,
      },
      ...evidence,
    },
    access: {
      onByDefault: null,
      how: {
        'zh-cn': '在网页版的「设置」中打开 IMAP/SMTP 服务。',
        en: 'Switch on IMAP/SMTP in the web mailbox’s Settings.',
      },
      ...evidence,
    },
    quirks: [],
    sources: [{ id: 'bench', url: `https://${domain}/help/imap`, title: `Example Mail ${n}: IMAP and SMTP settings (generated for the bench)`, kind: 'third-party', checked: '2026-11-27' }],
    verified: '2026-11-27',
  };
}

/** Lays out bench-out/scale as the project with n generated providers added; returns its path. */
export function makeScaleProject(n) {
  rmSync(SCALE_DIR, { recursive: true, force: true });
  mkdirSync(SCALE_DIR, { recursive: true });
  for (const name of readdirSync(ROOT)) {
    if (SKIP.has(name)) continue;
    cpSync(join(ROOT, name), join(SCALE_DIR, name), { recursive: true, verbatimSymlinks: true });
  }
  // node_modules: a folder of symlinks to the real packages, without the real caches.
  const nm = join(SCALE_DIR, 'node_modules');
  mkdirSync(nm);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!CACHES.has(name)) symlinkSync(join(ROOT, 'node_modules', name), join(nm, name));
  }
  // Added to the real dataset, whose errors and DNS records name its curated providers.
  const providers = join(SCALE_DIR, 'src/data/providers');
  if (!existsSync(providers)) throw new Error(`no src/data/providers in ${SCALE_DIR}`);
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(providers, `${scaleDomain(i)}.json`), JSON.stringify(generatedProvider(i), null, 2) + '\n');
  }
  return SCALE_DIR;
}
