// Reads the dataset's files from disk for `npm run validate` and the build's first step; the
// pages read the same files through Vite (src/lib/dataset.ts). Both hand them to loadDataset.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDERS, loadDataset, type Dataset, type Options, type TextFile } from '../lib/validate.ts';

function walk(root: string, dir: string): TextFile[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = `${dir}${name}`;
    // Dot files (editor swap files, .DS_Store) are not part of the dataset; Vite's glob skips them too.
    if (name.startsWith('.')) return [];
    return statSync(join(root, file)).isDirectory() ? walk(root, `${file}/`) : [{ file, text: readFileSync(join(root, file), 'utf8') }];
  });
}

/** Every file under the dataset's folders, paths relative to `root`. */
export function readDatasetFiles(root = '.'): TextFile[] {
  return Object.values(FOLDERS).flatMap((folder) => walk(root, folder));
}

export const readDataset = (root = '.', options: Options = {}): Dataset => loadDataset(readDatasetFiles(root), options);
