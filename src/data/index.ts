// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { validateDataset, type RawFile } from '../lib/validate.ts';
import { validateErrors } from '../lib/validate-errors.ts';

function files(glob: Record<string, unknown>): RawFile[] {
  return Object.entries(glob).map(([path, data]) => ({ file: `src/data/${path.replace(/^\.\//, '')}`, data }));
}

const dataset = validateDataset(
  files(import.meta.glob('./providers/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('./clients/*.json', { eager: true, import: 'default' })),
);

export const providers = dataset.providers;
export const clients = dataset.clients;

// Error messages are checked against the providers and clients they name.
const known = validateErrors(
  files(import.meta.glob('./errors/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('./apps.json', { eager: true, import: 'default' }))[0] ?? { file: 'src/data/apps.json', data: undefined },
  providers,
  clients,
);
export const knownErrors = known.errors;
export const apps = known.apps;
