// `import code from './x.ts?classic'`: the module and its imports bundled into one classic script,
// minified, as a string for a page to inline (`<script is:inline set:html={code}>`). A classic inline
// script runs where it stands while the page is parsed; a module script, even inline, waits for the
// whole page. The search page's answer card uses it to be filled in before anything else loads.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const SUFFIX = '?classic';
const PREFIX = '\0classic:';

export function classicScript(): Plugin {
  return {
    name: 'portolan:classic-script',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = await this.resolve(id.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      if (!file) throw new Error(`${id}: not found from ${importer}`);
      return PREFIX + file.id;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      const out = await build({ entryPoints: [file], bundle: true, format: 'iife', minify: true, write: false, metafile: true, target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'silent' });
      for (const input of Object.keys(out.metafile.inputs)) this.addWatchFile(resolve(input));
      // No trailing newline: the page's CSP hash is of exactly this text.
      const code = out.outputFiles[0]!.text.trim();
      // Inside a <script> element these would end it early or change how the rest is parsed.
      const bad = /<\/script|<!--/i.exec(code);
      if (bad) throw new Error(`${file}: its bundle holds "${bad[0]}", which cannot stand inside an inline <script>`);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
