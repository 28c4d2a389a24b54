// Error messages name providers, clients, apps and guide steps: each must exist, or the error page
// would link nowhere. An error id is its URL, so it is unique across files.
import type { Client } from '../../data/schema.ts';
import type { DatasetRule } from './rule.ts';

export const errorReferences: DatasetRule = ({ providers, clients, errors, apps, complete }, at) => {
  if (!complete) return;
  const domains = new Set(providers.map(({ data: p }) => p.domain));
  const clientById = new Map(clients.map(({ data: c }) => [c.id, c]));
  const appIds = new Set(apps?.data.map((a) => a.id));
  apps?.data.forEach((app, i) => {
    if (clientById.has(app.id)) at(apps.file)([i, 'id'], app.id, 'is a client with guides now; remove it from the apps list');
  });
  const seen = new Map<string, string>();
  for (const { file, data: f } of errors) {
    const add = at(file);
    f.errors.forEach((e, i) => {
      const path = ['errors', i];
      const other = seen.get(e.id);
      if (other) add([...path, 'id'], e.id, `is already the id of an error in ${other}`);
      seen.set(e.id, file);
      e.providers.forEach((d, j) => {
        if (!domains.has(d)) add([...path, 'providers', j], d, 'is not the primary domain of a provider in src/data/providers');
      });
      e.clients.forEach((c, j) => {
        if (!clientById.has(c) && !appIds.has(c)) add([...path, 'clients', j], c, 'is neither a client in src/data/clients nor an app in src/data/errors/apps.json');
      });
      // A step link needs a guide that has that step; apps without guides link provider sections.
      const guided = (e.clients.length ? e.clients : [...clientById.keys()]).map((c) => clientById.get(c)).filter((c): c is Client => c !== undefined);
      e.causes.forEach((c, j) =>
        c.fix.forEach((s, k) => {
          if (s.step && !guided.some((g) => g.steps.includes(s.step!))) add([...path, 'causes', j, 'fix', k, 'step'], s.step, `is not a step of ${guided.map((g) => g.id).join(', ') || 'any client with a guide'}; link a provider "section" instead`);
        }),
      );
    });
  }
};
