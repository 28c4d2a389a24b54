// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { validateDataset, type RawFile } from '../lib/validate.ts';
import { validateDns } from '../lib/validate-dns.ts';

function files(glob: Record<string, unknown>): RawFile[] {
  return Object.entries(glob).map(([path, data]) => ({ file: `src/data/${path.replace(/^\.\//, '')}`, data }));
}

const dataset = validateDataset(
  files(import.meta.glob('./providers/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('./clients/*.json', { eager: true, import: 'default' })),
);

export const providers = dataset.providers;
export const clients = dataset.clients;

// DNS records of business providers, checked against the providers above (src/lib/validate-dns.ts).
const dnsResult = validateDns(files(import.meta.glob('./dns/*.json', { eager: true, import: 'default' })), providers);
for (const warning of dnsResult.warnings) console.warn(`[portolan] ${warning}`);
export const dnsRecords = dnsResult.dns;
export const dnsFor = (domain: string) => dnsRecords.find((d) => d.provider === domain);
