// `npm run validate`: checks every dataset file and prints each problem with its file, field and value.
import { DatasetError } from '../src/lib/load-dataset.ts';
import { readDataset } from '../src/integrations/read-dataset.ts';

try {
  const { providers, clients, errors, dns, warnings } = readDataset();
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`dataset ok: ${providers.length} providers, ${clients.length} clients, ${errors.length} error messages, DNS records of ${dns.length} providers`);
} catch (e) {
  if (!(e instanceof DatasetError)) throw e;
  console.error(e.message);
  process.exit(1);
}
