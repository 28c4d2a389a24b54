// Makes `astro build` alone produce the whole site, as any Astro host runs it: the dataset is
// checked before anything is rendered, and the security headers and the search index are
// written after. A broken dataset stops the build with its list of problems, without a stack trace.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { DatasetError, FOLDERS, loadDataset } from '../lib/load-dataset.ts';
import { NO_ENCRYPTION } from '../lib/rules/encryption.ts';
import { readDatasetFiles } from './read-dataset.ts';
import { writeHeaders } from './csp-headers.ts';
import { indexSite } from './pagefind.ts';
import { copyFileSync, writeFileSync } from 'node:fs';
import { LOCALES } from '../data/locales.ts';

export default function portolan(): AstroIntegration {
  return {
    name: 'portolan',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const files = readDatasetFiles(fileURLToPath(config.root));
        try {
          const { warnings } = loadDataset(files);
          // Imported plaintext-only providers are expected (the ISPDB lists them) and their warnings number
          // over a hundred: the build counts them, `npm run validate` lists each. A curated one is named.
          const plain = warnings.filter((w) => w.startsWith(FOLDERS.imported) && w.includes(NO_ENCRYPTION));
          for (const w of warnings.filter((w) => !plain.includes(w))) logger.warn(w);
          if (plain.length) logger.info(`${plain.length} servers of imported providers that offer no encrypted connection: their pages warn about it (npm run validate lists them)`);
        } catch (e) {
          if (!(e instanceof DatasetError)) throw e;
          // The dev server shows the same error on the page that needs the data. Not for a file refused
          // unread (a symbolic link, a pipe, a huge file): the pages read files through Vite, which follows links.
          if (command !== 'build' && !files.some((f) => f.refused)) return logger.error(e.message);
          // Astro prints a thrown error's message and then its stack: the list is the whole story.
          e.stack = '';
          throw e;
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir).replace(/\/$/, '');
        logger.info(writeHeaders(dist));
        // Autoconfig lives at /v1.1/{domain} (the ISPDB's URL scheme) but is written with its extension.
        writeFileSync(`${dist}/_redirects`, '/v1.1/:domain  /v1.1/:domain.xml  200\n');
        await indexSite(dist, logger);
        // Hosts answer a missing page with the nearest 404.html: each language's own.
        for (const l of LOCALES) copyFileSync(`${dist}/${l}/404/index.html`, `${dist}/${l}/404.html`);
      },
    },
  };
}
