// The search index, written at the end of `astro build` through Pagefind's Node API (as
// Starlight does), so a host that runs only `astro build` still ships search. The API runs the
// same binary as the CLI, the extended one that segments Chinese, with the CLI's defaults.
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

export async function indexSite(dist: string, logger: AstroIntegrationLogger): Promise<void> {
  const start = performance.now();
  try {
    const { index } = check(await pagefind.createIndex(), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const { page_count } = check(await index.addDirectory({ path: dist }), 'addDirectory');
    check(await index.writeFiles({ outputPath: `${dist}/pagefind` }), 'writeFiles');
    logger.info(`Pagefind indexed ${page_count} HTML files in ${Math.round(performance.now() - start)} ms`);
  } finally {
    await pagefind.close();
  }
}
