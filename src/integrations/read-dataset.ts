// Reads the dataset's files from disk for `npm run validate` and the build's first step; the
// pages read the same files through Vite (src/lib/dataset.ts). Both hand them to loadDataset.
// Only regular files inside the repository are read: a symbolic link could make a check print
// another file's contents (a key, a line of a system file) in its problem lines, so a link is
// refused by name and never followed; a FIFO would block the read, and a huge file the checks.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDERS, loadDataset, type Dataset, type Options, type TextFile } from '../lib/load-dataset.ts';
import { MAX_FILE_BYTES, TOO_LARGE } from '../lib/strict-json.ts';

export const SYMLINK = 'is a symbolic link; data files must be regular files inside the repository, so it is not followed';
export const NOT_A_FILE = 'is not a regular file (a device, socket or pipe); data files are regular files';

const refuse = (file: string, refused: string): TextFile => ({ file, text: '', refused });

function walk(root: string, dir: string): TextFile[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const file = `${dir}${name}`;
    // Dot files (editor swap files, .DS_Store) are not part of the dataset; Vite's glob skips them too.
    if (name.startsWith('.')) return [];
    const stat = lstatSync(join(root, file));
    if (stat.isSymbolicLink()) return [refuse(file, SYMLINK)];
    if (stat.isDirectory()) return walk(root, `${file}/`);
    if (!stat.isFile()) return [refuse(file, NOT_A_FILE)];
    if (stat.size > MAX_FILE_BYTES) return [refuse(file, TOO_LARGE)];
    return [{ file, text: readFileSync(join(root, file), 'utf8') }];
  });
}

/** A folder reached through a symbolic link (src/data itself, say) is refused like a linked file. */
function linkedFolder(root: string, folder: string): string | undefined {
  const parts = folder.split('/').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/')).find((path) => {
    try {
      return lstatSync(join(root, path)).isSymbolicLink();
    } catch {
      return false;
    }
  });
}

/** Every file under the dataset's folders, paths relative to `root`. */
export function readDatasetFiles(root = '.'): TextFile[] {
  return Object.values(FOLDERS).flatMap((folder) => {
    const link = linkedFolder(root, folder);
    return link ? [refuse(folder, `${link} ${SYMLINK}`)] : walk(root, folder);
  });
}

export const readDataset = (root = '.', options: Options = {}): Dataset => loadDataset(readDatasetFiles(root), options);
