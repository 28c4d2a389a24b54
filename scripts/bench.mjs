// `npm run bench [-- --check] [-- --quick] [-- --runs=21] [-- --sizes=250,1000] [-- --no-build] [-- --keep]`
//
// Builds the site as `npm run build` does (step by step, timed), serves a snapshot of dist/
// with scripts/serve.mjs, and measures in headless Chromium:
//   a. per template, compressed HTML+CSS and the JavaScript loaded before any interaction;
//   b. a first search for `465`: bytes downloaded after the page load and time to the first result,
//      side by side with a plain Pagefind search of the same index (scripts/bench/measure.mjs),
//      and what the index's smaller chunks lose against Pagefind's default (scripts/bench/recall.mjs);
//   c. the build: wall time of each step, pages, ms per page;
//   d. (not with --quick) the same site built from N generated providers, N = 250 and 1000.
// Prints each figure against its budget and writes bench-out/bench.json. Not part of `npm test`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { LOCALES, DEFAULT_LOCALE } from '../src/data/locales.ts';
import { ROOT, OUT, build, serve, table, bytes, ms } from './bench/lib.mjs';
import { launch, measurePage, measureSearch, retry, writeFloorPage, writePlainInPage, writePlainSearch } from './bench/measure.mjs';
import { makeScaleProject, SCALE_DIR } from './bench/scale.mjs';
import { DEFAULT_CHUNKS, measureRecall, writeDefaultIndex } from './bench/recall.mjs';
import { filesByKind } from './bench/files.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const QUICK = flag('quick');
/** --check: exit 1 when a figure misses its budget, so a budget can gate a build. */
const CHECK = flag('check');
const RUNS = Math.max(5, Number(option('runs', 21)));
const SIZES = option('sizes', '250,1000').split(',').map(Number).filter(Boolean);
const QUERY = '465';

const BUDGET = {
  guideHtmlCss: 14 * 1024, // one round trip
  js: 2 * 1024, // before any interaction, every template
  msPerPage: 5, // build with Pagefind, all steps, at the full dataset (issue 9); the generated scale builds are stress tests
  memory: 2 * 1024 ** 3,
  searchIndexFragments: 25 * 1024, // Pagefind's index, meta, filters and fragments of a first search; its runtime is a fixed cost
  searchTimeRatio: 1.2, // search page's first result against a plain Pagefind search's
  answerBytes: 15 * 1024, // scripts and data the answer card needs (issue 22)
  // The answer card against plain Pagefind's first result in the search page's HTML, each from its
  // document's start. From navigation start the browser's own start (a renderer for a fresh context)
  // counts for both: the 'floor' row shows that even a card already in the HTML misses 0.3× so.
  answerTimeRatio: 0.3,
  distFiles: 20_000, // files per site on Cloudflare Pages' free plan; Pagefind's fragments count
};


const templates = (domain) => [
  ['home', ''],
  ['provider', `${domain}/`],
  ['guide', `${domain}/ios/`],
  ['port', 'ports/465/'],
  ['search', 'search/'],
].flatMap(([name, rest]) => LOCALES.map((locale) => ({ name, locale, path: `/${locale}/${rest}` })));

const FLOW = {
  box: 'home → header box',
  link: '?q= link',
  plain: 'plain Pagefind (5 results)',
  inpage: 'plain Pagefind in the search page HTML',
  answer: 'answer card, ?q= link',
  floor: 'answer element in the page HTML (floor)',
  'answer-rtt': 'answer card, 100 ms RTT',
  'inpage-rtt': 'plain Pagefind in the page HTML, 100 ms RTT',
};
const ok = (value, budget) => (value == null || budget == null ? '' : value <= budget ? 'ok' : 'OVER');
const gib = (n) => (n == null ? '—' : `${(n / 1024 ** 3).toFixed(2)} GiB`);

/** Serves a copy of dist, so a rebuild by someone else during the bench does not change what is measured. */
async function serveSnapshot(dist, name) {
  const snap = join(OUT, name);
  rmSync(snap, { recursive: true, force: true });
  cpSync(dist, snap, { recursive: true });
  writePlainSearch(snap);
  writePlainInPage(snap, LOCALES);
  writeFloorPage(snap, LOCALES);
  writeDefaultIndex(snap);
  return serve(snap);
}

async function measureSite(browser, origin, domain, runs, { flows = ['box', 'link', 'plain', 'inpage', 'answer', 'floor', 'answer-rtt', 'inpage-rtt'] } = {}) {
  const pages = [];
  for (const t of templates(domain)) {
    process.stderr.write(`  ${t.path}\n`);
    pages.push({ template: t.name, locale: t.locale, ...(await retry(t.path, () => measurePage(browser, origin, t.path))) });
  }
  const searches = [];
  for (const locale of LOCALES) {
    process.stderr.write(`  search ${QUERY} (${locale}: ${flows.join(', ')}${flows.length > 1 ? ' in turn' : ''}) × ${runs}\n`);
    searches.push(...(await measureSearch(browser, origin, locale, QUERY, flows, runs)));
  }
  return { pages, searches };
}

function printPages(pages) {
  console.log(
    table(
      ['template', 'path', 'HTML+CSS gz', 'budget', '', 'on the wire*', 'HTML raw', 'inline CSS raw', 'JS gz', 'budget', '', 'JS files'],
      pages.map((p) => {
        const budget = p.template === 'guide' ? BUDGET.guideHtmlCss : null;
        return [
          p.template,
          p.path,
          bytes(p.htmlCss.body),
          budget ? bytes(budget) : '—',
          ok(p.htmlCss.body, budget),
          bytes(p.htmlCss.wire),
          bytes(p.uncompressed.html),
          bytes(p.uncompressed.style),
          bytes(p.js.body),
          bytes(BUDGET.js),
          ok(p.js.body, BUDGET.js) + (p.pagefindBeforeInteraction ? ' (Pagefind loaded!)' : ''),
          p.js.files.length,
        ];
      }),
    ),
  );
  console.log('* on the wire: compressed bodies plus HTTP response headers (serve.mjs sends the _headers CSP with every response).');
  const files = new Map();
  for (const p of pages) for (const f of p.js.files) files.set(f.url, { body: f.body, on: new Set([...(files.get(f.url)?.on ?? []), p.template]) });
  console.log('\nJavaScript loaded before any interaction, by file:');
  console.log(table(['file', 'gz', 'loaded by'], [...files].sort((a, b) => b[1].body - a[1].body).map(([url, f]) => [url, bytes(f.body), [...f.on].join(', ')])));
}

function printSearches(searches) {
  console.log(
    table(
      ['locale', 'how', 'runs', 'first result, median', 'min–max', 'downloaded gz', 'of it Pagefind', 'requests', 'first result'],
      searches.map((s) => [
        s.locale,
        FLOW[s.flow],
        s.runs,
        `${s.msMedian.toFixed(1)} ms`,
        `${s.msMin.toFixed(0)}–${s.msMax.toFixed(0)} ms`,
        bytes(s.bytesMedian),
        bytes(s.pagefindMedian),
        s.requestsMedian,
        s.firstTitle,
      ]),
    ),
  );
  const b = searches.find((s) => s.flow === 'box');
  if (b) {
    console.log(`\nWhat a first search downloads (${b.locale}, from the home page, one run):`);
    console.log(
      table(
        ['kind', 'files', 'gz body', 'on the wire'],
        Object.entries(b.breakdown)
          .sort((x, y) => y[1].body - x[1].body)
          .map(([k, v]) => [k, v.files, bytes(v.body), bytes(v.wire)]),
      ),
    );
  }
  // Side by side on the same index: the search page against a plain Pagefind search.
  const rows = [];
  for (const link of searches.filter((s) => s.flow === 'link')) {
    const plain = searches.find((s) => s.flow === 'plain' && s.locale === link.locale);
    if (!plain) continue;
    const ratio = link.msMedian / plain.msMedian;
    const inpage = searches.find((s) => s.flow === 'inpage' && s.locale === link.locale);
    rows.push([
      link.locale,
      bytes(link.indexFragmentsMedian),
      bytes(BUDGET.searchIndexFragments),
      ok(link.indexFragmentsMedian, BUDGET.searchIndexFragments),
      bytes(link.pagefindMedian),
      bytes(plain.pagefindMedian),
      ok(link.pagefindMedian, plain.pagefindMedian),
      `${ratio.toFixed(2)}×`,
      ratio <= BUDGET.searchTimeRatio ? 'ok' : 'OVER',
      inpage ? `${(inpage.msMedian / plain.msMedian).toFixed(2)}×` : '—',
      inpage ? `${(link.msMedian / inpage.msMedian).toFixed(2)}×` : '—',
    ]);
  }
  if (rows.length) {
    console.log('\nSearch page (?q= link) against a plain Pagefind search of the same index (medians):');
    console.log(table(['locale', 'index+fragments gz', 'budget', '', 'Pagefind gz: page', 'plain', '', 'first result: page/plain', `≤ ${BUDGET.searchTimeRatio}×`, 'plain in page HTML/plain', 'page/plain in page HTML'], rows));
    console.log('plain in page HTML: the plain search inside the search page’s own HTML and CSS, without its scripts; the two last columns split the');
    console.log('search page’s time over a bare page into rendering a real page and running its own search code.');
  }
  for (const s of searches) if (s.failed.length) console.log(`! ${s.locale} ${s.flow}: failed requests: ${s.failed.join(', ')}`);
}

function printBuild(label, b) {
  console.log(
    table(
      ['build ' + label, 'wall', 'CPU (user+sys)', 'peak RSS (largest process)', 'peak RSS (process tree)', 'load avg before→after'],
      [
        ...b.steps.map((s) => [s.command, ms(s.ms), ms(s.cpuMs), bytes(s.maxRssBytes), bytes(s.treeRssBytes), s.load.map((l) => l.toFixed(1)).join('→')]),
        ['total', ms(b.totalMs), ms(b.steps.reduce((a, s) => a + (s.cpuMs ?? 0), 0)), bytes(b.peakProcessRssBytes), bytes(b.peakTreeRssBytes), ''],
      ],
    ),
  );
  console.log(
    `(emptying the previous dist/ first: ${ms(b.cleanMs)}, not counted) · Astro: ${b.routes} page(s) built · HTML files: ${b.htmlPages} · indexed by Pagefind: ${b.indexedPages} · ` +
      `${b.msPerPage.toFixed(2)} ms per HTML page (all steps) · astro build alone ${(b.steps[0].ms / b.htmlPages).toFixed(2)} ms/page, ` +
      `of which rendering ${b.astroRoutes} routes (HTML and endpoints) ${ms(b.astroRoutesMs)} · pagefind ${(b.pagefindMs / b.htmlPages).toFixed(2)} ms/page · ` +
      `Pagefind index ${bytes(b.pagefindBytes)} in ${b.pagefindFiles} files`,
  );
}

async function main() {
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version },
    budgets: BUDGET,
    query: QUERY,
    runs: RUNS,
  };

  console.error('Building the site (the steps of `npm run build`)…');
  result.build = flag('no-build') ? null : await build(ROOT, 'site');
  // Curated and imported, merged: the providers the built site has pages for.
  result.providers = JSON.parse(readFileSync(join(ROOT, 'dist/api/v1/providers.json'), 'utf8')).providers.length;
  result.filesByKind = filesByKind(join(ROOT, 'dist'));
  result.distFiles = result.filesByKind.total;

  const browser = await launch();
  let server;
  try {
    server = await serveSnapshot(join(ROOT, 'dist'), 'site');
    console.error(`Measuring ${server.origin} …`);
    Object.assign(result, await measureSite(browser, server.origin, '163.com', RUNS));
    process.stderr.write(`  search recall against Pagefind's default chunks\n`);
    result.recall = [];
    for (const locale of LOCALES) result.recall.push(await measureRecall(browser, server.origin, join(ROOT, 'dist'), locale));
    result.serverRestarts = server.restarts();
    await server.stop();
    server = null;

    result.scale = [];
    if (!QUICK) {
      for (const n of SIZES) {
        const t0 = performance.now();
        console.error(`Scale: the dataset plus ${n} generated providers in ${SCALE_DIR}`);
        const dir = makeScaleProject(n);
        const b = await build(dir, `scale-${n}`);
        b.filesByKind = filesByKind(join(dir, 'dist'));
        b.distFiles = b.filesByKind.total;
        server = await serve(join(dir, 'dist'));
        // The same guide as the site's, so its weight at this size compares directly (issue 9).
        const m = await measureSite(browser, server.origin, '163.com', 5, { flows: ['box'] });
        const restarts = server.restarts();
        await server.stop();
        server = null;
        const total = JSON.parse(readFileSync(join(dir, 'dist/api/v1/providers.json'), 'utf8')).providers.length;
        result.scale.push({ providers: total, generated: n, build: b, ...m, serverRestarts: restarts, benchSeconds: Math.round((performance.now() - t0) / 1000) });
      }
    }
  } finally {
    await server?.stop();
    await browser.close();
    // The copies are big, and tsconfig's "**/*" would make `astro check` read them: keep only with --keep.
    if (!flag('keep')) for (const d of [SCALE_DIR, join(OUT, 'site')]) rmSync(d, { recursive: true, force: true });
  }
  result.seconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(join(OUT, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
  report(result);
}

function report(r) {
  console.log(`\nPortolan bench · ${r.date} · ${r.machine.cpus} CPUs, ${gib(r.machine.memoryBytes)} · Node ${r.machine.node}\n`);
  console.log('a. Page weight per template, no interaction (gz = gzip as served by scripts/serve.mjs)\n');
  printPages(r.pages);
  console.log(`\nb. First search for "${r.query}" (fresh browser context each run; time in the browser's clock)\n`);
  printSearches(r.searches);
  if (r.recall) {
    console.log(`\nSearch results lost to the index's smaller chunks, against Pagefind's default (${DEFAULT_CHUNKS.toLocaleString('en')}) on the same pages:`);
    console.log(
      table(
        ['locale', 'queries', 'losing pages', 'pages missing', 'another first result', 'most lost'],
        r.recall.map((x) => [x.locale, x.queries, x.queriesLosingPages, x.pagesMissing, x.otherFirstResult, x.worst.join('; ') || '—']),
      ),
    );
  }
  if (r.build) {
    console.log('\nc. Build\n');
    printBuild(`(${r.providers} providers)`, r.build);
  }
  if (r.scale?.length) {
    console.log('\nd. Scale: generated providers\n');
    for (const s of r.scale) {
      printBuild(`(${s.providers} providers)`, s.build);
      console.log('');
    }
    const rows = [];
    const base = r.build ? [{ providers: r.providers, build: r.build }] : [];
    const pts = [...base, ...r.scale];
    for (const [i, s] of pts.entries()) {
      const prev = pts[i - 1];
      const marginal = prev ? (s.build.totalMs - prev.build.totalMs) / (s.build.htmlPages - prev.build.htmlPages) : null;
      const guide = s.pages?.find((p) => p.template === 'guide' && p.locale === DEFAULT_LOCALE);
      const home = s.pages?.find((p) => p.template === 'home' && p.locale === DEFAULT_LOCALE);
      const search = s.searches?.find((x) => x.locale === DEFAULT_LOCALE) ?? r.searches.find((x) => x.locale === DEFAULT_LOCALE && x.flow === 'box');
      const mem = s.build.peakTreeRssBytes ?? s.build.peakProcessRssBytes;
      rows.push([
        s.providers,
        s.build.htmlPages,
        ms(s.build.totalMs),
        `${s.build.msPerPage.toFixed(2)} ms`,
        i === 0 && r.build ? '' : ok(s.build.msPerPage, BUDGET.msPerPage),
        marginal == null ? '—' : `${marginal.toFixed(2)} ms`,
        `${(s.build.steps.reduce((a, x) => a + (x.cpuMs ?? NaN), 0) / s.build.htmlPages).toFixed(2)} ms`,
        gib(mem),
        ok(mem, BUDGET.memory),
        bytes(s.build.pagefindBytes),
        bytes(search?.bytesMedian),
        search ? `${search.msMedian.toFixed(0)} ms` : '—',
        bytes(guide?.htmlCss.body ?? r.pages.find((p) => p.template === 'guide').htmlCss.body),
        bytes(home?.htmlCss.body ?? r.pages.find((p) => p.template === 'home').htmlCss.body),
        s.benchSeconds ? `${s.benchSeconds} s` : '—',
      ]);
    }
    console.log(
      table(
        ['providers', 'HTML pages', 'build (all steps)', 'per page', `≤${BUDGET.msPerPage} ms`, 'marginal/page', 'CPU/page', 'peak memory', '<2 GiB', 'Pagefind index', 'search 465 gz', 'first result', 'guide HTML+CSS gz', 'home HTML+CSS gz', 'bench time'],
        rows,
      ),
    );
    console.log('marginal/page: extra build time per extra HTML page since the row above (linear growth keeps it flat).');
    console.log('CPU/page: user+sys CPU time of all steps per page (Pagefind uses both cores); less sensitive than wall time to other load on the machine.');
    console.log('peak memory: largest sum of RSS over the build step’s process tree, sampled every 100 ms (/usr/bin/time -v gives the largest single process, above).');
  }

  // The real dataset, then each generated one: which kinds of file grow with providers and their domains.
  const sites = [['dataset', r.filesByKind], ...(r.scale ?? []).filter((s) => s.build.filesByKind).map((s) => [`scale ${s.providers}`, s.build.filesByKind])];
  const kinds = [...new Set(sites.flatMap(([, f]) => f.kinds.map(([k]) => k)))];
  const per = (f, k, n) => (k.includes('per provider') ? ` (${(n / f.providers).toFixed(1)} each)` : k.includes('per other') ? ` (${(n / f.otherDomains).toFixed(1)} each)` : '');
  console.log('\nFiles in dist/ by kind (a static host counts each):');
  console.log(
    table(
      ['kind', ...sites.map(([name, f]) => `${name}: ${f.providers} providers, ${f.otherDomains} other domains`)],
      kinds.map((k) => [k, ...sites.map(([, f]) => {
        const n = f.kinds.find(([x]) => x === k)?.[1] ?? 0;
        return `${n.toLocaleString('en')}${per(f, k, n)}`;
      })]),
    ),
  );

  console.log('\nSummary against budgets\n');
  const guide = r.pages.filter((p) => p.template === 'guide');
  const rows = [
    ...guide.map((p) => [`guide HTML+CSS gz ${p.path}`, bytes(p.htmlCss.body), `≤ ${bytes(BUDGET.guideHtmlCss)}`, ok(p.htmlCss.body, BUDGET.guideHtmlCss)]),
    // Every template but the search page, whose purpose is to load Pagefind (issue 9).
    ...r.pages.map((p) => (p.template === 'search' ? [`JS before interaction ${p.path}`, bytes(p.js.body), 'reported (search page)', ''] : [`JS before interaction ${p.path}`, bytes(p.js.body), `≤ ${bytes(BUDGET.js)}`, ok(p.js.body, BUDGET.js)])),
    ...r.searches.map((s) => [`search "${s.query}" ${s.locale} (${FLOW[s.flow]})`, `${bytes(s.bytesMedian)}, ${s.msMedian.toFixed(0)} ms`, 'reported', '']),
    ...r.searches
      .filter((s) => s.flow === 'box' || s.flow === 'link')
      .flatMap((s) => {
        const plain = r.searches.find((x) => x.flow === 'plain' && x.locale === s.locale);
        const inpage = r.searches.find((x) => x.flow === 'inpage' && x.locale === s.locale);
        const how = `${s.locale} (${FLOW[s.flow]})`;
        return [
          [`search "${r.query}" ${how}: index+meta+fragments gz`, bytes(s.indexFragmentsMedian), `≤ ${bytes(BUDGET.searchIndexFragments)}`, ok(s.indexFragmentsMedian, BUDGET.searchIndexFragments)],
          ...(plain
            ? [
                [`search "${r.query}" ${how}: Pagefind gz against plain`, `${bytes(s.pagefindMedian)} / ${bytes(plain.pagefindMedian)}`, '≤ plain', ok(s.pagefindMedian, plain.pagefindMedian)],
                [`search "${r.query}" ${how}: first result against plain`, `${(s.msMedian / plain.msMedian).toFixed(2)}×`, `≤ ${BUDGET.searchTimeRatio}×`, ok(s.msMedian / plain.msMedian, BUDGET.searchTimeRatio)],
              ]
            : []),
          ...(inpage && s.flow === 'link' ? [[`search "${r.query}" ${how}: first result against plain in the page's HTML`, `${(s.msMedian / inpage.msMedian).toFixed(2)}×`, 'reported', '']] : []),
        ];
      }),
    ...r.searches
      .filter((s) => s.flow === 'answer')
      .flatMap((s) => {
        const of = (flow) => r.searches.find((x) => x.flow === flow && x.locale === s.locale);
        const [inpage, floor, rtt, inpageRtt] = ['inpage', 'floor', 'answer-rtt', 'inpage-rtt'].map(of);
        return [
          [`answer "${s.query}" ${s.locale}: scripts + data gz`, bytes(s.answerMedian), `≤ ${bytes(BUDGET.answerBytes)}`, ok(s.answerMedian, BUDGET.answerBytes)],
          ...(inpage
            ? [
                [`answer ${s.locale}: from the document's start, visible after ${s.fromDocMedian.toFixed(0)} ms, plain Pagefind in the page's HTML ("${inpage.query}") ${inpage.fromDocMedian.toFixed(0)} ms`, `${(s.fromDocMedian / inpage.fromDocMedian).toFixed(2)}×`, `≤ ${BUDGET.answerTimeRatio}×`, ok(s.fromDocMedian / inpage.fromDocMedian, BUDGET.answerTimeRatio)],
                [`answer ${s.locale}: from navigation start, ${s.msMedian.toFixed(0)} ms against ${inpage.msMedian.toFixed(0)} ms`, `${(s.msMedian / inpage.msMedian).toFixed(2)}×`, 'reported', ''],
              ]
            : []),
          ...(inpage && floor ? [[`answer ${s.locale}: floor, the element already in the page's HTML, from navigation start (${floor.msMedian.toFixed(0)} ms)`, `${(floor.msMedian / inpage.msMedian).toFixed(2)}×`, 'reported', '']] : []),
          ...(rtt && inpageRtt ? [[`answer ${s.locale}: at 100 ms RTT, from navigation start, ${rtt.msMedian.toFixed(0)} ms against ${inpageRtt.msMedian.toFixed(0)} ms`, `${(rtt.msMedian / inpageRtt.msMedian).toFixed(2)}×`, 'reported', '']] : []),
        ];
      }),
    [`files in dist/`, r.distFiles.toLocaleString('en'), `≤ ${BUDGET.distFiles.toLocaleString('en')}`, ok(r.distFiles, BUDGET.distFiles)],
    ...(r.build
      ? [
          [`build ms per HTML page (${r.providers} providers, ${r.build.htmlPages} pages)`, `${r.build.msPerPage.toFixed(2)} ms`, `≤ ${BUDGET.msPerPage} ms`, ok(r.build.msPerPage, BUDGET.msPerPage)],
          [`build peak memory (${r.providers} providers)`, gib(r.build.peakTreeRssBytes ?? r.build.peakProcessRssBytes), '< 2 GiB', ok(r.build.peakTreeRssBytes ?? r.build.peakProcessRssBytes, BUDGET.memory)],
        ]
      : []),
    ...(r.scale ?? []).flatMap((s) => [
      [`scale ${s.providers}: files in dist/`, s.build.distFiles.toLocaleString('en'), `≤ ${BUDGET.distFiles.toLocaleString('en')}`, ok(s.build.distFiles, BUDGET.distFiles)],
      [`scale ${s.providers} (stress): ms per page`, `${s.build.msPerPage.toFixed(2)} ms`, `(≤ ${BUDGET.msPerPage} ms at the real dataset)`, ''],
      [`scale ${s.providers} (stress): peak memory`, gib(s.build.peakTreeRssBytes ?? s.build.peakProcessRssBytes), '(< 2 GiB at the real dataset)', ''],
      ...s.pages.filter((p) => p.template === 'guide').map((p) => [`scale ${s.providers}: guide HTML+CSS gz ${p.path}`, bytes(p.htmlCss.body), `≤ ${bytes(BUDGET.guideHtmlCss)}`, ok(p.htmlCss.body, BUDGET.guideHtmlCss)]),
    ]),
  ];
  console.log(table(['figure', 'measured', 'budget', ''], rows));
  const over = rows.filter((row) => row[3] === 'OVER');
  if (CHECK && over.length) {
    console.error(`\n${over.length} budget(s) missed: ${over.map((row) => row[0]).join('; ')}`);
    process.exitCode = 1;
  }
  console.log(`\nbench-out/bench.json written · bench took ${r.seconds} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
