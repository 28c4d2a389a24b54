// The validated dataset, loaded once. Pages and src/lib read it from here only.
// The files come in as text, not as JSON imports: a broken file must reach loadDataset, which
// names it, instead of stopping the bundler with an error about some other file.
import { loadDataset, type TextFile } from '../lib/validate.ts';

// Glob keys are relative to this folder (src/data/); loadDataset wants paths from the project root.
const files = (glob: Record<string, string>): TextFile[] =>
  Object.entries(glob).map(([path, text]) => ({ file: path.replace(/^\.\//, 'src/data/').replace(/^\.\.\//, 'src/'), text }));

const dataset = loadDataset([
  ...files(import.meta.glob('./providers/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./imported/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./clients/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./errors/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./dns/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('../guides/**/*', { eager: true, query: '?raw', import: 'default' })),
]);

export const providers = dataset.providers;
export const clients = dataset.clients;
export const knownErrors = dataset.errors;
export const apps = dataset.apps;
export const dnsRecords = dataset.dns;
export const dnsFor = (domain: string) => dnsRecords.find((d) => d.provider === domain);
