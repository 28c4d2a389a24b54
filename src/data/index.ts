// The dataset's files as text, as Vite bundles them. Validation and the typed dataset live in
// src/lib/dataset.ts: data flows src/data -> src/lib, never back.
// The files come in as text, not as JSON imports: a broken file must reach loadDataset, which
// names it, instead of stopping the bundler with an error about some other file.

// Glob keys are relative to this folder (src/data/); loadDataset wants paths from the project root.
const files = (glob: Record<string, string>): { file: string; text: string }[] =>
  Object.entries(glob).map(([path, text]) => ({ file: path.replace(/^\.\//, 'src/data/').replace(/^\.\.\//, 'src/'), text }));

export const datasetFiles = [
  ...files(import.meta.glob('./providers/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./imported/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./clients/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./errors/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./dns/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('./aliases/**/*', { eager: true, query: '?raw', import: 'default' })),
  ...files(import.meta.glob('../guides/**/*', { eager: true, query: '?raw', import: 'default' })),
];
