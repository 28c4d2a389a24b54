// `npm run audit [-- --no-build] [-- --runs=1] [-- --pages=/zh-cn/,/en/163.com/ios/]`
//
// Builds the site (the steps of `npm run build`), serves a snapshot of dist/ with
// scripts/serve.mjs, and runs Lighthouse (from npm) in its default mobile mode, with the
// system Chromium, on the home, a provider, a guide and a port page in each locale. Prints
// the four category scores per page, every audit that lost points, and anything Lighthouse
// could not measure. Full reports: bench-out/lighthouse/*.report.{json,html}; summary:
// bench-out/audit.json. Works offline: the site is local and Lighthouse's throttling is
// simulated, so it needs no network. Not part of `npm test`.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, SYSTEM_ARGS } from '../tests/browser.ts';
import { LOCALES } from '../src/data/locales.ts';
import { ROOT, OUT, build, serve, table, median } from './bench/lib.mjs';

const args = process.argv.slice(2);
const RUNS = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 1));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const GOAL = 100;
const FLOOR = 95;
const ONLY = args.find((a) => a.startsWith('--pages='))?.slice('--pages='.length).split(',');
const PAGES = LOCALES
  .flatMap((l) => [
    ['home', `/${l}/`],
    ['provider', `/${l}/163.com/`],
    ['guide', `/${l}/163.com/ios/`],
    ['port', `/${l}/ports/465/`],
  ])
  .filter(([, p]) => !ONLY || ONLY.includes(p));

/** The Chromium the e2e tests use: CHROME_PATH if set, else tests/browser.ts's choice. */
function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const o = chromiumLaunchOptions();
  return o.executablePath ?? chromium.executablePath();
}

/** An audit's detail rows (some insights keep an object there instead of a list). */
const rows = (a) => (Array.isArray(a.details?.items) ? a.details.items : []);

/** Audits lost points in a scored category: score below 1, with a weight in some category. */
function losses(lhr) {
  const weighted = new Map();
  for (const [cat, c] of Object.entries(lhr.categories)) for (const ref of c.auditRefs) if (ref.weight > 0) weighted.set(ref.id, [...(weighted.get(ref.id) ?? []), cat]);
  return Object.values(lhr.audits)
    .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => ({
      id: a.id,
      categories: weighted.get(a.id),
      score: a.score,
      title: a.title,
      value: a.displayValue ?? null,
      explanation: a.explanation ?? null,
      items: rows(a).slice(0, 5).map((i) => i.node?.snippet ?? i.node?.selector ?? i.url ?? i.source?.url ?? i.description ?? (typeof i === 'object' ? JSON.stringify(i).slice(0, 160) : String(i))),
    }));
}

/** Advice that costs no points: informative audits with findings, insights with savings. */
function advice(lhr) {
  return Object.values(lhr.audits)
    .filter((a) => (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'metricSavings') && a.score !== null && (a.score < 1 || rows(a).some((i) => i.severity)))
    .map((a) => ({
      id: a.id,
      title: a.title,
      value: a.displayValue ?? null,
      items: rows(a).slice(0, 4).map((i) => (i.description ? `${i.severity ? `${i.severity}: ` : ''}${i.description}${i.directive ? ` (${i.directive})` : ''}` : i.url ? new URL(i.url).pathname : JSON.stringify(i).slice(0, 120))),
    }));
}

/** Audits that cannot say anything about production from a local http://127.0.0.1 origin. */
const LOCAL_ONLY = {
  'redirects-http': 'not applicable: the local server speaks plain HTTP only, so the HTTP→HTTPS redirect cannot be checked',
  'is-on-https': 'passes because Chromium treats 127.0.0.1 as a secure origin; production HTTPS is not checked',
  'has-hsts': 'HSTS exists only over HTTPS; not checkable here',
};

/** Audits Lighthouse could not run (an error instead of a score), with its reason. */
function unmeasured(lhr) {
  return Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error' || a.errorMessage)
    .map((a) => ({ id: a.id, title: a.title, reason: a.errorMessage ?? a.explanation ?? 'error' }));
}

async function main() {
  const started = performance.now();
  const reports = join(OUT, 'lighthouse');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  if (!args.includes('--no-build')) {
    console.error('Building the site (the steps of `npm run build`)…');
    await build(ROOT, 'audit');
  }
  // Audit a snapshot, so a rebuild of dist/ by someone else meanwhile changes nothing here.
  const snap = join(OUT, 'audit-site');
  rmSync(snap, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), snap, { recursive: true });
  const server = await serve(snap);
  const path = chromePath();
  const flags = [...new Set([...SYSTEM_ARGS, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'])];
  let chrome;
  const results = [];
  try {
    chrome = await chromeLauncher.launch({ chromePath: path, chromeFlags: flags, logLevel: 'silent' });
    for (const [template, p] of PAGES) {
      const url = server.origin + p;
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        process.stderr.write(`  Lighthouse ${p}${RUNS > 1 ? ` (run ${i + 1}/${RUNS})` : ''} … `);
        const t0 = performance.now();
        const result = await lighthouse(url, { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: CATEGORIES });
        process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
        const name = `${p.replace(/^\/|\/$/g, '').replace(/\//g, '_')}${RUNS > 1 ? `.${i + 1}` : ''}`;
        writeFileSync(join(reports, `${name}.report.json`), result.report[0]);
        writeFileSync(join(reports, `${name}.report.html`), result.report[1]);
        runs.push(result.lhr);
      }
      const lhr = runs[0];
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => Math.round((r.categories[c]?.score ?? NaN) * 100)))]));
      results.push({
        template,
        path: p,
        scores,
        allRuns: RUNS > 1 ? runs.map((r) => Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(r.categories[c].score * 100)]))) : undefined,
        metrics: Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, lhr.audits[id]?.displayValue ?? null])),
        losses: losses(lhr),
        unmeasured: unmeasured(lhr),
        advice: advice(lhr),
        localOnly: Object.keys(LOCAL_ONLY).filter((id) => lhr.audits[id]),
        runtimeError: lhr.runtimeError ?? null,
        warnings: lhr.runWarnings,
        lighthouse: lhr.lighthouseVersion,
        userAgent: lhr.environment?.hostUserAgent,
      });
    }
  } finally {
    await chrome?.kill();
    await server.stop();
    rmSync(snap, { recursive: true, force: true });
  }

  const summary = { date: new Date().toISOString(), chromePath: path, flags, runs: RUNS, results, seconds: Math.round((performance.now() - started) / 1000) };
  writeFileSync(join(OUT, 'audit.json'), JSON.stringify(summary, null, 2) + '\n');

  console.log(`\nLighthouse ${results[0]?.lighthouse} · mobile (default config: emulated Moto G Power, simulated slow 4G and 4× CPU) · ${results[0]?.userAgent ?? ''}`);
  console.log(`${RUNS > 1 ? `median of ${RUNS} runs · ` : ''}goal ${GOAL} in every category, nothing below ${FLOOR}\n`);
  const mark = (s) => (Number.isNaN(s) ? 'n/a' : s >= GOAL ? String(s) : s >= FLOOR ? `${s} ·` : `${s} !`);
  console.log(table(['page', 'path', ...CATEGORIES, 'FCP', 'LCP', 'TBT', 'CLS'], results.map((r) => [r.template, r.path, ...CATEGORIES.map((c) => mark(r.scores[c])), r.metrics['first-contentful-paint'], r.metrics['largest-contentful-paint'], r.metrics['total-blocking-time'], r.metrics['cumulative-layout-shift']])));
  console.log('(· below 100, ! below 95)');

  const lost = new Map();
  for (const r of results) for (const l of r.losses) lost.set(l.id, { ...l, pages: [...(lost.get(l.id)?.pages ?? []), r.path] });
  if (lost.size) {
    console.log('\nAudits that lost points:');
    for (const l of lost.values()) {
      console.log(`- ${l.id} [${l.categories.join(', ')}] ${l.title}${l.value ? ` — ${l.value}` : ''}${l.explanation ? ` — ${l.explanation}` : ''}`);
      console.log(`    on ${l.pages.join(' ')}`);
      for (const i of l.items) console.log(`    · ${String(i).slice(0, 200)}`);
    }
  } else console.log('\nNo audit lost points.');

  const errors = new Map();
  for (const r of results) for (const u of r.unmeasured) errors.set(u.id, { ...u, pages: [...(errors.get(u.id)?.pages ?? []), r.path] });
  const runtime = results.filter((r) => r.runtimeError);
  if (errors.size || runtime.length) {
    console.log('\nCould not be measured here:');
    for (const r of runtime) console.log(`- ${r.path}: ${r.runtimeError.code}: ${r.runtimeError.message}`);
    for (const e of errors.values()) console.log(`- ${e.id} (${e.title}) on ${e.pages.length} page(s): ${e.reason}`);
  } else console.log('Every audit ran (none errored for lack of network or otherwise).');
  const tips = new Map();
  for (const r of results) for (const a of r.advice) tips.set(a.id, { ...a, pages: [...(tips.get(a.id)?.pages ?? []), r.path] });
  if (tips.size) {
    console.log('\nAdvice that costs no points (informative audits and insights):');
    for (const a of tips.values()) {
      console.log(`- ${a.id}: ${a.title}${a.value ? ` — ${a.value}` : ''} (${a.pages.length} of ${results.length} pages)`);
      for (const i of a.items) console.log(`    · ${i}`);
    }
  }
  const local = [...new Set(results.flatMap((r) => r.localOnly))];
  console.log('\nNot measurable offline on a local origin (Lighthouse itself needs no network: throttling is simulated):');
  for (const id of local) console.log(`- ${id}: ${LOCAL_ONLY[id]}`);
  console.log('- real-network timings: FCP/LCP/SI are Lantern estimates from a local trace (slow 4G and 4× CPU simulated), so they vary with this machine’s load');
  const warnings = [...new Set(results.flatMap((r) => r.warnings ?? []))];
  if (warnings.length) console.log(`\nLighthouse warnings:\n${warnings.map((w) => `- ${w}`).join('\n')}`);
  console.log(`\nReports in bench-out/lighthouse/, summary in bench-out/audit.json · ${summary.seconds} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
