// What the browser downloads: per page template, and for a first search. Headless Chromium
// through Playwright, launched as the e2e tests launch it (tests/browser.ts), with every
// response of the context (pages and workers) counted from Playwright's network events.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/browser.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { median } from './lib.mjs';
import { PAGEFIND_OPTIONS } from '../../src/lib/pagefind-options.ts';
import { DEFAULT_LOCALE, HTML_LANG } from '../../src/data/locales.ts';

export const launch = () => chromium.launch(chromiumLaunchOptions());

/** What kind of download a response is, for the breakdowns. */
export function category(r) {
  const path = new URL(r.url).pathname;
  if (path.startsWith('/pagefind/')) {
    if (path.endsWith('.js')) return 'pagefind js';
    if (path.endsWith('.css')) return 'pagefind css';
    if (/\/wasm\.[^/]*\.pagefind$/.test(path)) return 'pagefind wasm';
    if (path.endsWith('.pf_meta')) return 'pagefind meta';
    if (path.endsWith('.pf_index')) return 'pagefind index';
    if (path.endsWith('.pf_filter')) return 'pagefind filters';
    if (path.endsWith('.pf_fragment')) return 'pagefind fragments';
    return 'pagefind other';
  }
  if (r.type === 'document') return 'html';
  if (r.type === 'stylesheet') return 'css';
  if (r.type === 'script') return 'js';
  return 'other';
}

/**
 * Opens a fresh context and page with a recorder of every request the context makes,
 * including those of Pagefind's web worker (which a page-level CDP session does not see):
 * url, resource type, status, `body` (the compressed body as sent: Content-Length, which
 * serve.mjs always sets) and `wire` (body plus HTTP response headers).
 */
async function recordedPage(browser, selector = '#results > li') {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Time of the first search result, in the page's own clock (ms since the epoch, sub-ms precision).
  // It reports through a binding rather than being polled: waiting with a Playwright locator runs
  // Playwright's injected selector engine in the page during the very load that is timed. That
  // slowed the bare plain Pagefind page more than the search page, and so flattered the ratio.
  let firstResult;
  const shown = new Promise((ok) => (firstResult = ok));
  await context.exposeBinding('__benchFirstResult', () => firstResult());
  await context.addInitScript((selector) => {
    // When the new document began, before any of its own scripts: the time up to it is the browser's
    // (a renderer process started, the response committed), the same for every page.
    window.__docStart = performance.timeOrigin + performance.now();
    const mark = () => {
      if (!window.__firstResult && document.querySelector(selector)) {
        window.__firstResult = performance.timeOrigin + performance.now();
        window.__benchFirstResult();
      }
    };
    new MutationObserver(mark).observe(document, { subtree: true, childList: true });
  }, selector);
  const page = await context.newPage();
  const byRequest = new Map();
  const all = [];
  const waits = [];
  let phase = 'load';
  context.on('request', (req) => {
    const r = { url: req.url(), type: req.resourceType(), phase, status: null, wire: 0, body: 0, done: false };
    byRequest.set(req, r);
    all.push(r);
  });
  const finish = (req, failed) => {
    const r = byRequest.get(req);
    if (!r) return;
    waits.push(
      (async () => {
        // None of these may hang the bench: a request cut off midway never settles its sizes.
        const res = failed ? null : await within(req.response(), null);
        const sizes = failed ? null : await within(req.sizes(), null);
        r.status = res?.status() ?? null;
        const headers = res ? await within(res.allHeaders(), {}) : {};
        const len = headers['content-length'];
        r.encoding = headers['content-encoding'] ?? null;
        r.body = len !== undefined ? Number(len) : (sizes?.responseBodySize ?? 0);
        r.wire = r.body + (sizes?.responseHeadersSize ?? 0);
        if (failed) r.failed = req.failure()?.errorText ?? 'failed';
        r.done = true;
      })(),
    );
  };
  context.on('requestfinished', (req) => finish(req, false));
  context.on('requestfailed', (req) => finish(req, true));
  return {
    context,
    page,
    /** Settles when a first search result is in the page. */
    shown,
    requests: all,
    setPhase: (p) => (phase = p),
    /** All size look-ups settled. */
    sizes: async () => {
      for (let n = -1; n !== waits.length; ) {
        n = waits.length;
        await Promise.all(waits);
      }
    },
    close: () => within(context.close(), undefined, 10000),
  };
}

/** The promise's value, or `fallback` if it fails or takes longer than `ms`. */
function within(promise, fallback, ms = 5000) {
  let timer;
  return Promise.race([promise.catch(() => fallback), new Promise((ok) => (timer = setTimeout(() => ok(fallback), ms)))]).finally(() => clearTimeout(timer));
}

/** Runs `fn` up to `tries` times, logging each failure; a bench run survives one flaky attempt. */
export async function retry(what, fn, tries = 3) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= tries) throw e;
      process.stderr.write(`    ! ${what} failed (${String(e.message ?? e).split('\n')[0]}); trying again\n`);
    }
  }
}

const sum = (rs, k) => rs.reduce((a, r) => a + (r[k] ?? 0), 0);

function breakdown(rs) {
  const out = {};
  for (const r of rs) {
    const c = category(r);
    out[c] ??= { files: 0, wire: 0, body: 0 };
    out[c].files++;
    out[c].wire += r.wire;
    out[c].body += r.body;
  }
  return out;
}

/** Waits until no response is pending and the network was quiet for `quiet` ms. */
async function settle(rec, quiet = 300) {
  const { page, requests } = rec;
  await page.waitForLoadState('load');
  let last = requests.length;
  for (let idle = 0, i = 0; idle < quiet && i < 200; i++) {
    await page.waitForTimeout(50);
    const pending = requests.some((r) => !r.done);
    if (pending || requests.length !== last) idle = 0;
    else idle += 50;
    last = requests.length;
  }
  const pending = requests.filter((r) => !r.done).map((r) => r.url);
  if (pending.length) process.stderr.write(`    still loading after 10 s: ${pending.join(', ')}\n`);
  await rec.sizes();
}

/**
 * One template: everything the page downloads until it is loaded and the network is quiet,
 * with no interaction. HTML+CSS is the document plus stylesheets; JS is every script.
 */
export async function measurePage(browser, origin, path) {
  const rec = await recordedPage(browser);
  try {
    const res = await rec.page.goto(origin + path, { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`${path}: HTTP ${res?.status()}`);
    await settle(rec);
    const inline = await rec.page.evaluate(() => {
      const size = (s) => new Blob([s]).size;
      return {
        html: size('<!DOCTYPE html>' + document.documentElement.outerHTML),
        style: [...document.querySelectorAll('style')].reduce((a, s) => a + size(s.textContent ?? ''), 0),
        script: [...document.querySelectorAll('script:not([src])')].reduce((a, s) => a + size(s.textContent ?? ''), 0),
        svg: [...document.querySelectorAll('svg')].reduce((a, s) => a + size(s.outerHTML), 0),
        elements: document.getElementsByTagName('*').length,
      };
    });
    const rs = rec.requests;
    const html = rs.filter((r) => category(r) === 'html');
    const css = rs.filter((r) => category(r) === 'css');
    const js = rs.filter((r) => category(r) === 'js' || category(r) === 'pagefind js');
    return {
      path,
      htmlCss: { body: sum(html, 'body') + sum(css, 'body'), wire: sum(html, 'wire') + sum(css, 'wire'), files: html.length + css.length },
      html: { body: sum(html, 'body'), wire: sum(html, 'wire'), encoding: html[0]?.encoding ?? null },
      css: { body: sum(css, 'body'), wire: sum(css, 'wire'), files: css.length },
      js: { body: sum(js, 'body'), wire: sum(js, 'wire'), files: js.map((r) => ({ url: new URL(r.url).pathname, body: r.body })) },
      other: rs.filter((r) => category(r) === 'other').map((r) => ({ url: new URL(r.url).pathname, body: r.body })),
      pagefindBeforeInteraction: rs.some((r) => new URL(r.url).pathname.startsWith('/pagefind/')),
      uncompressed: inline,
      total: { body: sum(rs, 'body'), wire: sum(rs, 'wire'), requests: rs.length },
    };
  } finally {
    await rec.close();
  }
}

/** The answer flow's question per locale: a provider named as people name it, and a protocol and what is asked, in the locale's words. */
export const ANSWER_QUESTION = { 'zh-cn': '163邮箱smtp服务器端口', en: 'qq mail smtp port' };

/** Whether a flow times the answer card (its own question, its first value) rather than a first search result. */
const timesAnswer = (flow) => /^(answer|floor)(-rtt)?$/.test(flow);

/** Where writePlainSearch puts its page, in the served snapshot only. */
export const PLAIN_PATH = '/bench-plain/';

/**
 * A plain Pagefind search to compare the search page with, on the same index: a bare page
 * that loads Pagefind with the search page's options (so both rank alike and fetch the same
 * five fragments), searches, and fetches the first 5 results, as Pagefind's own interface
 * does before "Load more". Written into the served copy of dist/, never into dist/.
 */
export function writePlainSearch(dir) {
  mkdirSync(join(dir, PLAIN_PATH), { recursive: true });
  writeFileSync(join(dir, PLAIN_PATH, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>plain Pagefind</title><script type="module" src="plain.js"></script></head><body></body></html>\n');
  writeFileSync(
    join(dir, PLAIN_PATH, 'plain.js'),
    `const params = new URLSearchParams(location.search);
document.documentElement.lang = ${JSON.stringify(HTML_LANG)}[params.get('lang')] ?? ${JSON.stringify(HTML_LANG[DEFAULT_LOCALE])};
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options(${JSON.stringify(PAGEFIND_OPTIONS)});
await pagefind.init();
const search = await pagefind.search(params.get('q'));
const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
const list = document.createElement('ol');
list.id = 'results';
for (const d of data) {
  const li = document.createElement('li');
  const h2 = document.createElement('h2');
  h2.textContent = d.meta.title;
  li.append(h2);
  list.append(li);
}
document.body.append(list);
`,
  );
}

/** Where writePlainInPage puts its pages, one per locale, in the served snapshot only. */
export const PLAIN_IN_PAGE_PATH = '/bench-plain-page/';

/**
 * The same plain Pagefind search inside the search page's own HTML and CSS, with the page's
 * scripts and result list taken out: it tells what rendering a real page costs (header, form,
 * fonts) apart from what the search page's own code costs. Throws if the page no longer has what
 * it takes out, so the comparison cannot silently become another one.
 */
export function writePlainInPage(dir, locales) {
  for (const locale of locales) {
    const html = readFileSync(join(dir, locale, 'search/index.html'), 'utf8');
    const parts = [/<script(?![^>]*\ssrc=)[^>]*>[\s\S]*?<\/script>/g, /<script type="module" src="\/_astro\/[^"]*"><\/script>/g, /<ol id="results"[^>]*><\/ol>/g];
    let out = html;
    for (const re of parts) {
      if (!re.test(out)) throw new Error(`writePlainInPage: ${locale}/search/index.html has no ${re}`);
      out = out.replace(re, '');
    }
    mkdirSync(join(dir, PLAIN_IN_PAGE_PATH, locale), { recursive: true });
    writeFileSync(join(dir, PLAIN_IN_PAGE_PATH, locale, 'index.html'), out.replace('</body>', `<script type="module" src="${PLAIN_PATH}plain.js"></script></body>`));
  }
}

/** Where writeFloorPage puts its pages, one per locale, in the served snapshot only. */
export const FLOOR_PATH = '/bench-floor/';

/**
 * The search page's HTML with no script at all and the answer's element already in the card's place:
 * when it appears is the earliest any answer card in that place could, however fast its code and data.
 */
export function writeFloorPage(dir, locales) {
  for (const locale of locales) {
    const html = readFileSync(join(dir, locale, 'search/index.html'), 'utf8');
    const box = /<section id="answer"[^>]*>/;
    if (!box.test(html)) throw new Error(`writeFloorPage: ${locale}/search/index.html has no #answer`);
    const out = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '').replace(box, '<section id="answer"><div data-answer>—</div>');
    mkdirSync(join(dir, FLOOR_PATH, locale), { recursive: true });
    writeFileSync(join(dir, FLOOR_PATH, locale, 'index.html'), out);
  }
}

/** A slow network for the `-rtt` flows: each request's answer 100 ms late, 10 Mbit/s (a phone on a distant CDN). */
export const SLOW = { latency: 100, throughput: 10e6 / 8 };

/**
 * A first search of `query`, in a fresh context.
 * flow 'box': load /{locale}/, type the query into the header search box, press Enter; counts
 *   everything downloaded after Enter (the search page itself, its script, Pagefind) and times
 *   submit → first `#results > li` in the browser's clock.
 * flow 'link': open /{locale}/search/?q=…; counts everything, separates Pagefind's part, and
 *   times navigation start → first result.
 * flow 'plain': the same for the bare Pagefind page of writePlainSearch (the comparison).
 * flow 'inpage': the same for the plain search inside the search page's HTML (writePlainInPage).
 * flow 'answer': a ?q= link with ANSWER_QUESTION, timed to the answer card's first value.
 * flow 'floor': the answer's element in the search page's HTML itself (writeFloorPage), timed alike.
 * A flow ending in '-rtt' ('answer-rtt', 'inpage-rtt') is the same on the SLOW network.
 */
export async function searchOnce(browser, origin, locale, query, flow) {
  const slow = flow.endsWith('-rtt');
  const kind = flow.replace(/-rtt$/, '');
  const answerLike = timesAnswer(flow);
  // The answer card's flow times its first [data-answer] element, for its own question.
  const rec = await recordedPage(browser, answerLike ? '#answer [data-answer]' : '#results > li');
  if (answerLike) query = ANSWER_QUESTION[locale];
  const { page } = rec;
  if (slow) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW.latency, downloadThroughput: SLOW.throughput, uploadThroughput: SLOW.throughput });
  }
  try {
    let t0;
    if (flow === 'box') {
      await page.goto(`${origin}/${locale}/`, { waitUntil: 'load' });
      await settle(rec);
      await page.evaluate(() => document.addEventListener('submit', () => sessionStorage.setItem('benchSubmit', String(performance.timeOrigin + performance.now())), true));
      rec.setPhase('search');
      await page.fill('#site-search', query);
      await page.press('#site-search', 'Enter');
    } else if (kind === 'plain' || kind === 'inpage' || kind === 'floor') {
      rec.setPhase('search');
      const path = kind === 'plain' ? PLAIN_PATH : kind === 'floor' ? `${FLOOR_PATH}${locale}/` : `${PLAIN_IN_PAGE_PATH}${locale}/`;
      await page.goto(`${origin}${path}?lang=${locale}&q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    } else {
      rec.setPhase('search');
      await page.goto(`${origin}/${locale}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    }
    if (!(await within(rec.shown.then(() => true), false, 30000))) throw new Error(`no search result within 30 s (${flow})`);
    const times = await page.evaluate(() => ({
      submit: Number(sessionStorage.getItem('benchSubmit')),
      origin: performance.timeOrigin,
      first: window.__firstResult,
      docStart: window.__docStart,
    }));
    t0 = flow === 'box' ? times.submit : times.origin;
    if (!t0 || !times.first) throw new Error(`search timing missing: ${JSON.stringify(times)}`);
    await settle(rec, 500);
    const firstTitle = answerLike ? (await page.locator('#answer [data-answer]').first().innerText()).replace(/\s+/g, ' ').trim() : (await page.locator('#results > li h2').first().textContent())?.trim();
    const rs = rec.requests.filter((r) => r.phase === 'search');
    // What the answer needs: the card's code and index inline in the page (tests/e2e/answer.spec.ts
    // shows the card with every script file blocked), compressed as a server would send them, and any
    // answer file it fetched. Neither Pagefind nor the page's main module is needed.
    const inline = kind === 'answer' ? await answerInline(page) : [];
    const answerFiles = rs.filter((r) => /^\/answer\//.test(new URL(r.url).pathname));
    const answerNeeds = [...inline, ...answerFiles.map((r) => ({ what: new URL(r.url).pathname, body: r.body }))];
    const failed = rs.filter((r) => r.failed || (r.status && r.status >= 400));
    const pf = rs.filter((r) => new URL(r.url).pathname.startsWith('/pagefind/'));
    return {
      ms: times.first - t0,
      fromDocMs: flow === 'box' ? null : times.first - times.docStart,
      firstTitle,
      url: page.url(),
      bytes: { body: sum(rs, 'body'), wire: sum(rs, 'wire'), requests: rs.length },
      pagefind: { body: sum(pf, 'body'), wire: sum(pf, 'wire'), requests: pf.length },
      answer: { body: sum(answerNeeds, 'body'), files: answerNeeds.map((r) => `${r.what} ${r.body}`) },
      indexFragments: sum(pf.filter((r) => ['pagefind meta', 'pagefind index', 'pagefind filters', 'pagefind fragments'].includes(category(r))), 'body'),
      breakdown: breakdown(rs),
      failed: failed.map((r) => `${r.status ?? r.failed} ${r.url}`),
    };
  } finally {
    await rec.close();
  }
}

/** The answer card's inline index and code (the two scripts right after #answer), each gzipped on its own. */
async function answerInline(page) {
  const texts = await page.evaluate(() => ['#answer + script[type="application/json"]', '#answer + script + script:not([src])'].map((s) => document.querySelector(s)?.textContent ?? null));
  if (texts.some((t) => !t)) throw new Error('answer flow: no inline index and code right after #answer');
  return texts.map((t, i) => ({ what: ['inline index', 'inline code'][i], body: gzipSync(t).length }));
}

/**
 * `runs` first searches per flow, each in a fresh context, the flows taking turns (one run of
 * each, then the next round) so that the machine's slow spells fall on all of them alike rather
 * than on whichever flow was measured then; medians and the spread, per flow.
 */
export async function measureSearch(browser, origin, locale, query, flows, runs) {
  const all = new Map(flows.map((flow) => [flow, []]));
  for (let i = 0; i < runs; i++) for (const flow of flows) all.get(flow).push(await retry(`search ${locale} ${flow} run ${i + 1}`, () => searchOnce(browser, origin, locale, query, flow)));
  return flows.map((flow) => {
    const rs = all.get(flow);
    const times = rs.map((r) => r.ms);
    return {
      locale,
      flow,
      query: timesAnswer(flow) ? ANSWER_QUESTION[locale] : query,
      runs,
      msMedian: median(times),
      msMin: Math.min(...times),
      msMax: Math.max(...times),
      msAll: times.map((t) => Math.round(t * 10) / 10),
      fromDocMedian: flow === 'box' ? null : median(rs.map((r) => r.fromDocMs)),
      bytesMedian: median(rs.map((r) => r.bytes.body)),
      wireMedian: median(rs.map((r) => r.bytes.wire)),
      pagefindMedian: median(rs.map((r) => r.pagefind.body)),
      indexFragmentsMedian: median(rs.map((r) => r.indexFragments)),
      requestsMedian: median(rs.map((r) => r.bytes.requests)),
      firstTitle: rs[0].firstTitle,
      answerMedian: median(rs.map((r) => r.answer.body)),
      answerFiles: rs[0].answer.files,
      breakdown: rs[0].breakdown,
      failed: [...new Set(rs.flatMap((r) => r.failed))],
    };
  });
}
