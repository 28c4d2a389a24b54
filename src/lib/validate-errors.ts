// Turns the error files into typed entries, or fails naming file, field and value, like the
// provider and client validation it sits beside (and runs after: it checks references to them).
import { App, ErrorFile, type Client, type ErrorEntry, type Provider, type Source } from '../data/schema.ts';
import { DatasetError, parse, problem, type RawFile } from './validate.ts';
import { isIpAddress } from './hostname.ts';

/** One error as pages use it: the entry with its file's sources. */
export interface KnownError extends ErrorEntry {
  file: string;
  sources: Source[];
  verified: string;
}

const IP_IN_TEXT = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g;

export function validateErrors(errorFiles: RawFile[], appFile: RawFile, providers: readonly Provider[], clients: readonly Client[]): { errors: KnownError[]; apps: App[] } {
  const problems: string[] = [];
  const apps: App[] = [];
  if (!Array.isArray(appFile.data)) problems.push(problem(appFile.file, [], appFile.data, 'must be a list of apps'));
  else
    appFile.data.forEach((data, i) => {
      const app = parse(App, { file: appFile.file, data }, problems);
      if (!app) return;
      if (clients.some((c) => c.id === app.id)) problems.push(problem(appFile.file, [i, 'id'], app.id, 'is a client with guides now; remove it from the apps list'));
      apps.push(app);
    });

  const domains = new Set(providers.map((p) => p.domain));
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const appIds = new Set(apps.map((a) => a.id));
  const seen = new Map<string, string>();
  const errors: KnownError[] = [];

  for (const raw of [...errorFiles].sort((a, b) => a.file.localeCompare(b.file))) {
    const f = parse(ErrorFile, raw, problems);
    if (!f) continue;
    const add = (path: (string | number)[], value: unknown, message: string) => problems.push(problem(raw.file, path, value, message));
    const ids = new Set<string>();
    f.sources.forEach((s, i) => {
      if (ids.has(s.id)) add(['sources', i, 'id'], s.id, 'is used by another source of this file');
      ids.add(s.id);
    });
    const used = new Set<string>();
    const cite = (path: (string | number)[], list: string[]) =>
      list.forEach((id, i) => {
        used.add(id);
        if (!ids.has(id)) add([...path, i], id, 'is not the id of a source listed in sources');
      });

    f.errors.forEach((e, i) => {
      const at = ['errors', i];
      const other = seen.get(e.id);
      if (other) add([...at, 'id'], e.id, `is already the id of an error in ${other}`);
      seen.set(e.id, raw.file);
      e.providers.forEach((d, j) => {
        if (!domains.has(d)) add([...at, 'providers', j], d, 'is not the primary domain of a provider in src/data/providers');
      });
      e.clients.forEach((c, j) => {
        if (!clientById.has(c) && !appIds.has(c)) add([...at, 'clients', j], c, 'is neither a client in src/data/clients nor an app in src/data/errors/apps.json');
      });
      e.texts.forEach((t, j) => {
        cite([...at, 'texts', j, 'sources'], t.sources);
        for (const m of t.text.matchAll(IP_IN_TEXT)) {
          if (isIpAddress(m[0])) add([...at, 'texts', j, 'text'], t.text, `contains the IP address ${m[0]}; write the variable part as {IP address}`);
        }
      });
      cite([...at, 'meaning', 'sources'], e.meaning.sources);
      // A step link needs a guide that has that step; apps without guides link provider sections.
      const guided = (e.clients.length ? e.clients : [...clientById.keys()]).map((c) => clientById.get(c)).filter((c): c is Client => c !== undefined);
      e.causes.forEach((c, j) =>
        c.fix.forEach((s, k) => {
          const path = [...at, 'causes', j, 'fix', k];
          if (s.step && !guided.some((g) => g.steps.includes(s.step!))) add([...path, 'step'], s.step, `is not a step of ${guided.map((g) => g.id).join(', ') || 'any client with a guide'}; link a provider "section" instead`);
        }),
      );
      errors.push({ ...e, file: raw.file, sources: f.sources, verified: f.verified });
    });
    f.sources.forEach((s, i) => {
      if (!used.has(s.id)) add(['sources', i, 'id'], s.id, 'is not cited by any error in this file');
    });
  }

  if (problems.length) throw new DatasetError(problems);
  errors.sort((a, b) => a.id.localeCompare(b.id));
  return { errors, apps };
}
