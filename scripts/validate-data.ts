// `npm run validate`: checks every dataset file and prints each problem with its file, field and value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { validateDataset, DatasetError, type RawFile } from '../src/lib/validate.ts';

function load(dir: string): RawFile[] {
  if (!existsSync(dir)) return [];
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
  const { providers, clients } = validateDataset(load('src/data/providers'), load('src/data/clients'), load('src/data/imported'));
  console.log(`dataset ok: ${providers.length} providers, ${clients.length} clients`);
} catch (e) {
  if (!(e instanceof DatasetError)) throw e;
  console.error(e.message);
  process.exit(1);
}
