// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { validateDataset, type RawFile } from '../lib/validate.ts';

function files(glob: Record<string, unknown>): RawFile[] {
  return Object.entries(glob).map(([path, data]) => ({ file: `src/data/${path.replace(/^\.\//, '')}`, data }));
}

const dataset = validateDataset(
  files(import.meta.glob('./providers/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('./clients/*.json', { eager: true, import: 'default' })),
  files(import.meta.glob('./imported/*.json', { eager: true, import: 'default' })),
);

export const providers = dataset.providers;
export const clients = dataset.clients;
