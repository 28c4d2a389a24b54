// The search index, written at the end of `astro build` through Pagefind's Node API (as
// Starlight does), so a host that runs only `astro build` still ships search. The API runs the
// same binary as the CLI, the extended one that segments Chinese, with the CLI's defaults.
import type { AstroIntegrationLogger } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { htmlFiles } from './csp-headers.ts';
import { PAGEFIND_PRELOAD_ATTR, PAGEFIND_TAG_ATTR } from '../lib/pagefind-options.ts';
import * as pagefind from 'pagefind';

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

/**
 * Word locations per index chunk (Pagefind's default is 20,000). A first search downloads one
 * whole chunk, so smaller chunks mean a lighter first search; but Pagefind 1.6 loads only the chunk
 * a query word falls in (pagefind_web/src/lib.rs, request_indexes), so words that merely start
 * with it in the next chunk are not found, and where the boundaries fall is chance. The size is
 * the smallest at which `npm run bench` found no query losing a page against a default index
 * (the figures are in docs/performance.md). Pagefind reads the size only from its environment
 * (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, options.rs); a value already set wins.
 */
const INDEX_CHUNK_SIZE = '12000';
/** HTML files read and handed to Pagefind together. */
const BATCH = 200;

/** An attribute left empty for the build to fill in (Astro writes an empty one without `=""`). */
const unfilled = (attr: string) => new RegExp(`\\s${attr}(?:="")?(?=[\\s>])`);

/**
 * Gives each page's Pagefind start script (PAGEFIND_START) the files Pagefind reads first for the
 * page's language, which only exist now: its entry file at the address `metaCacheTag` gives it,
 * the metadata and the WebAssembly, exactly as Pagefind names them (pagefind.js: loadEntry,
 * loadMeta, loadWasm; the language is the page's `lang`, lowercased, as its detectLanguage reads
 * it). A page whose language has no index fails the build: its preloads would be wasted bytes.
 * `pages` are the pages carrying the script, with the HTML already read for indexing.
 */
function fillStarters(dist: string, pages: { file: string; content: string }[], languages: Record<string, { hash: string; wasm: string | null }>, tag: string): void {
  if (!pages.length) throw new Error(`no page has a Pagefind start script with a ${PAGEFIND_TAG_ATTR} attribute to fill in (src/pages/[locale]/search/index.astro)`);
  for (const { file, content } of pages) {
    const lang = content.match(/<html[^>]*\slang="([^"]+)"/)?.[1]?.toLowerCase();
    const index = lang ? languages[lang] : undefined;
    if (!index) throw new Error(`${file}: Pagefind has no index for its language ${lang ?? '(no lang)'}; it has ${Object.keys(languages).join(', ')}`);
    const preload = [`pagefind-entry.json?ts=${tag}`, `pagefind.${index.hash}.pf_meta`, `wasm.${index.wasm ?? 'unknown'}.pagefind`].map((f) => `/pagefind/${f}`).join(' ');
    let html = content;
    for (const [attr, value] of [[PAGEFIND_TAG_ATTR, tag], [PAGEFIND_PRELOAD_ATTR, preload]] as const) {
      if (!unfilled(attr).test(html)) throw new Error(`${file}: the Pagefind start script's ${attr} attribute is not empty, so the build cannot fill it in`);
      html = html.replace(unfilled(attr), ` ${attr}="${value}"`);
    }
    writeFileSync(join(dist, file), html);
  }
}

export async function indexSite(dist: string, logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  // The Pagefind service is spawned by createIndex and inherits this process's environment.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  try {
    const { index } = check(await pagefind.createIndex(), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Only pages marked for the index are handed over: Pagefind would otherwise parse every HTML
    // file (an imported provider's guides are not indexed) to find that out. A batch at a time,
    // so the build never holds every page's text at once (at 1,000 generated providers, handing
    // over all pages together took the build past 6 GiB).
    const files = [...htmlFiles(dist)].map((path) => relative(dist, path));
    const starters: { file: string; content: string }[] = [];
    for (let i = 0; i < files.length; i += BATCH) {
      const read = files.slice(i, i + BATCH).map((file) => ({ file, content: readFileSync(join(dist, file), 'utf8') }));
      starters.push(...read.filter(({ content }) => content.includes(PAGEFIND_TAG_ATTR)));
      const marked = read.filter(({ content }) => content.includes('data-pagefind-body'));
      const added = await Promise.all(marked.map(({ file, content }) => index.addHTMLFile({ sourcePath: file, content })));
      added.forEach((r, j) => check(r, `addHTMLFile ${marked[j]!.file}`));
    }
    const { outputPath } = check(await index.writeFiles({ outputPath: `${dist}/pagefind` }), 'writeFiles');
    // The entry file counts the pages indexed, per language.
    const entryText = readFileSync(`${outputPath}/pagefind-entry.json`, 'utf8');
    const entry = JSON.parse(entryText) as { languages: Record<string, { hash: string; wasm: string | null; page_count: number }> };
    fillStarters(dist, starters, entry.languages, createHash('sha256').update(entryText).digest('hex').slice(0, 16));
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    // `npm run bench` reads this line.
    logger.info(`Pagefind: Indexed ${indexed} pages of ${files.length} HTML files in ${Math.round(performance.now() - start)} ms`);
  } finally {
    await pagefind.close();
  }
}
