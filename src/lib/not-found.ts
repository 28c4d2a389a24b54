// A 404 page's "did you mean": the usual other names of a client in a guide URL
// (`/zh-cn/163.com/iphone/` → `/zh-cn/163.com/ios/`), from the clients' `aliases`. Pure; the 404 page runs it on its own path.
import type { Client } from '../data/schema.ts';

/** The page the path most likely meant, among `clients` (the site's clients, by id with their aliases), or null. */
export function suggestPath(pathname: string, clients: readonly Pick<Client, 'id' | 'aliases'>[]): string | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length !== 3) return null;
  const name = decodeURIComponent(parts[2]!).toLowerCase();
  const client = clients.find((c) => c.id === name || c.aliases.includes(name))?.id;
  if (!client || client === parts[2]) return null;
  return `/${parts[0]}/${parts[1]}/${client}/`;
}
