// `npm run serve`: serves the built dist/ as Cloudflare Pages would (see pages-host.mjs),
// so `npm start` shows what production shows. DIST, PORT and HOST override the defaults.
// The file list is read once, like a deployment: restart after rebuilding.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSite, createHandler } from './pages-host.mjs';

const root = resolve(process.env.DIST ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';

if (!existsSync(root)) {
  console.error(`${root} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
const site = loadSite(root);
for (const warning of site.warnings) console.warn(`warning: ${warning}`);

const server = createServer(createHandler(site));
server.listen(port, host, () => {
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`Portolan is served at http://${host}:${actual}/ (${site.assets.size} files from ${root})`);
});
