// Reads one dataset file's JSON text, refusing what JSON.parse lets through but a data file must
// not hold: a key written twice in one object (JSON.parse silently keeps the last), a key that
// names a property every JavaScript object already has (`__proto__`, `constructor`, `toString`:
// code that looks such a key up finds the built-in instead), nesting deeper than any data file
// needs (checks that walk the data would run out of stack), and a file too large to be hand-written
// data. Each refusal names file, field and value; the scan is one pass, so no input makes it slow.
import { problem, type Path } from './problems.ts';

/** The largest data file accepted, in bytes: ten times the largest file the dataset has had. */
export const MAX_FILE_BYTES = 1_000_000;
/** The deepest nesting accepted; data files use about six levels. */
export const MAX_DEPTH = 32;

const BUILT_IN_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why a file over MAX_FILE_BYTES is refused (before it is read, where its size is known from the disk). */
export const TOO_LARGE = `is larger than ${MAX_FILE_BYTES} bytes, the most a data file may be`;
/** Enough lines to show what is wrong with a file without flooding the output. */
const MAX_PROBLEMS = 20;

/** JSON.parse's message gives a character position; people look for a line and column, and the line itself. */
function syntaxProblem(file: string, text: string, e: unknown): string {
  const message = (e as Error).message;
  const at = /position (\d+)/.exec(message);
  const before = text.slice(0, at ? Number(at[1]) : text.length).split('\n');
  const line = text.split('\n')[before.length - 1]!.trim();
  return problem(file, [], line, `is not valid JSON: ${at && !/line \d+/.test(message) ? `${message} (line ${before.length} column ${before.at(-1)!.length + 1})` : message}`);
}

interface Frame {
  object: boolean;
  path: PropertyKey[];
  keys: Set<string>;
  /** The current key (object) or index (array). */
  at: PropertyKey;
  expectKey: boolean;
}

/** Keys written twice, built-in names as keys, and nesting beyond MAX_DEPTH, in already valid JSON text. */
function structureProblems(file: string, text: string, data: unknown): string[] {
  const problems: string[] = [];
  const stack: Frame[] = [];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (!top?.object || !top.expectKey) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      top.expectKey = false;
      top.at = key;
      const path: Path = [...top.path, key];
      // The value JSON.parse kept; never through a prototype, so `constructor` shows as written.
      let value: unknown = data;
      for (const k of path) value = value !== null && typeof value === 'object' && Object.hasOwn(value, k) ? (value as Record<PropertyKey, unknown>)[k] : undefined;
      if (BUILT_IN_KEYS.has(key)) problems.push(problem(file, path, value, `is a name every JavaScript object already has (line ${lineAt(start)}), so code reading this key would find the built-in instead; rename or remove the key`));
      else if (top.keys.has(key)) problems.push(problem(file, path, value, `is written twice in one object (the second time on line ${lineAt(start)}); JSON keeps only the last, so remove one`));
      top.keys.add(key);
      if (problems.length === MAX_PROBLEMS) return problems;
    } else if (c === '{' || c === '[') {
      const path = top ? [...top.path, top.at] : [];
      if (stack.length === MAX_DEPTH) {
        problems.push(problem(file, path, c, `nests deeper than ${MAX_DEPTH} levels (line ${lineAt(i)}); no data file needs that many`));
        return problems;
      }
      stack.push({ object: c === '{', path, keys: new Set(), at: 0, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top) {
      if (top.object) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return problems;
}

/** The file's data, or null after adding to `problems` why it cannot be read. */
export function readJsonText(file: string, text: string, problems: string[]): { data: unknown } | null {
  if (text.length > MAX_FILE_BYTES) {
    problems.push(problem(file, [], file.replace(/^.*\//, ''), TOO_LARGE));
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    problems.push(syntaxProblem(file, text, e));
    return null;
  }
  const found = structureProblems(file, text, data);
  problems.push(...found);
  return found.length ? null : { data };
}
