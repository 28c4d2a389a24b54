// `npm run validate`: checks every dataset file and prints each problem with its file, field and value.
import { readdirSync, readFileSync } from 'node:fs';
import { validateDataset, DatasetError, type RawFile } from '../src/lib/validate.ts';
import { validateDns } from '../src/lib/validate-dns.ts';

function load(dir: string): RawFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const file = `${dir}/${f}`;
      try {
        return { file, data: JSON.parse(readFileSync(file, 'utf8')) };
      } catch (e) {
        console.error(`${file}: is not valid JSON: ${(e as Error).message}`);
        process.exit(1);
      }
    });
}

try {
  const { providers, clients } = validateDataset(load('src/data/providers'), load('src/data/clients'));
  console.log(`dataset ok: ${providers.length} providers, ${clients.length} clients`);
  const { dns, warnings } = validateDns(load('src/data/dns'), providers);
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`dns records ok: ${dns.length} providers`);
} catch (e) {
  if (!(e instanceof DatasetError)) throw e;
  console.error(e.message);
  process.exit(1);
}
