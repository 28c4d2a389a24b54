// The part of refresh.ts that needs no disk: given a client's data and a way to read files of one
// checkout, the new data, what changed and what is missing.
import { parseStrings } from './strings.ts';

interface Recorded {
  text: string;
  source: { repo: string; file: string; id: string; commit: string };
}

export interface RefreshResult {
  data: { labels?: Record<string, Record<string, Recorded | undefined>> };
  checked: number;
  changes: string[];
  problems: string[];
}

export function refreshLabels(data: RefreshResult['data'], repo: string, commit: string, read: (file: string) => string | undefined): RefreshResult {
  const copy = structuredClone(data);
  const parsed = new Map<string, Map<string, string> | undefined>();
  const changes: string[] = [];
  const problems: string[] = [];
  let checked = 0;
  for (const [key, byLocale] of Object.entries(copy.labels ?? {})) {
    for (const [locale, label] of Object.entries(byLocale)) {
      if (!label || label.source.repo !== repo) continue;
      checked++;
      const where = `labels.${key}.${locale}`;
      if (!parsed.has(label.source.file)) {
        const text = read(label.source.file);
        parsed.set(label.source.file, text === undefined ? undefined : parseStrings(label.source.file, text));
      }
      const strings = parsed.get(label.source.file);
      if (!strings) {
        problems.push(`${where}: file ${label.source.file} is not in the checkout`);
        continue;
      }
      const now = strings.get(label.source.id);
      if (now === undefined) {
        problems.push(`${where}: string ${label.source.id} is no longer in ${label.source.file} (renamed or removed? find its new id and update the source)`);
        continue;
      }
      if (now !== label.text) changes.push(`${where}: ${JSON.stringify(label.text)} -> ${JSON.stringify(now)}`);
      label.text = now;
      label.source.commit = commit;
    }
  }
  return { data: copy, checked, changes, problems };
}
