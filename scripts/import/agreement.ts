// `npm run import:agreement -- <checkout of thunderbird/autoconfig>`: for how many of ISPDB's
// domains the first incoming and the first outgoing server Portolan serves at /v1.1/<domain>
// (after the merge of curated and imported files) are the ones that domain's own ISPDB file
// lists first. Prints the figure and every domain that differs, with both sides.
import { readCheckout } from './index.ts';
import { firstServers } from './combine.ts';
import type { Skipped, Srv } from './read.ts';
import { readDataset } from '../../src/integrations/read-dataset.ts';
import { autoconfigServers, hasAutoconfig } from '../../src/lib/autoconfig.ts';
import { domainsOf } from '../../src/lib/domains.ts';
import type { Provider } from '../../src/data/schema.ts';

const same = (a: Pick<Srv, 'host' | 'port'> | undefined, b: Pick<Srv, 'host' | 'port'> | undefined) => !!a && !!b && a.host === b.host && a.port === b.port;
const show = (s: Pick<Srv, 'host' | 'port'> | undefined) => (s ? `${s.host}:${s.port}` : 'none');

export interface Agreement {
  total: number;
  agreeing: number;
  differing: string[];
}

/** Compares each ISPDB domain's own file with what Portolan serves for it. */
export function agreement(checkout: string, providers: Provider[]): Agreement {
  const skipped: Skipped[] = [];
  const byDomain = new Map(providers.flatMap((p) => domainsOf(p).map((d) => [d, p] as const)));
  const seen = new Set<string>();
  const differing: string[] = [];
  let total = 0;
  for (const entry of readCheckout(checkout, 'ispdb', skipped)) {
    const { incoming, outgoing } = firstServers(entry);
    for (const domain of entry.domains) {
      // A domain two ISPDB files list is measured against the first, as the import keys it.
      if (seen.has(domain)) continue;
      seen.add(domain);
      total++;
      const provider = byDomain.get(domain);
      const served = provider && hasAutoconfig(provider) ? autoconfigServers(provider) : undefined;
      const [inc, out] = [served?.incoming[0], served?.outgoing[0]];
      if (same(inc, incoming) && same(out, outgoing)) continue;
      differing.push(`${domain} (${entry.file}${provider ? `, served as ${provider.domain}` : ', not served'}): ISPDB ${show(incoming)} / ${show(outgoing)}; Portolan ${show(inc)} / ${show(out)}`);
    }
  }
  return { total, agreeing: total - differing.length, differing };
}

/** The agreement as lines of the import report (or of the command's output). */
export function agreementReport(checkout: string): string[] {
  let result: Agreement;
  try {
    result = agreement(checkout, readDataset().providers);
  } catch (e) {
    return ['## Agreement with ISPDB', '', `Not measured: the dataset does not load (${(e as Error).message.split('\n')[0]}); run npm run validate.`, ''];
  }
  const { total, agreeing, differing } = result;
  return [
    `## Agreement with ISPDB: ${agreeing} of ${total} domains (${((100 * agreeing) / total).toFixed(1)} %)`,
    '',
    'For each domain an ISPDB file lists: does /v1.1/<domain> (curated and imported files merged) serve first the incoming and the outgoing server (host and port) that file lists first? `npm run import:agreement -- <checkout of thunderbird/autoconfig>` measures it again. The domains that differ:',
    '',
    ...differing.map((l) => `- ${l}`),
    '',
  ];
}

if (import.meta.main) {
  const [checkout] = process.argv.slice(2);
  if (!checkout) {
    console.error('usage: npm run import:agreement -- <checkout of thunderbird/autoconfig>');
    process.exit(2);
  }
  console.log(agreementReport(checkout).join('\n'));
}
