// A 404 page's "did you mean": a guide URL that names its client by another name people use
// (`/zh-cn/163.com/iphone/` → `/zh-cn/163.com/ios/`), from the client files' aliases. Pure; the
// 404 page runs it on its own path.

/** An alias as a URL segment: `Apple Mail` → `apple-mail`. */
const slug = (name: string) => name.toLowerCase().trim().replace(/\s+/g, '-');

/** The page the path most likely meant, given each client's id and aliases, or null. */
export function suggestPath(pathname: string, clients: Record<string, readonly string[]>): string | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length !== 3) return null;
  const name = decodeURIComponent(parts[2]!).toLowerCase();
  const client = name in clients ? name : Object.keys(clients).find((id) => clients[id]!.some((a) => slug(a) === name));
  if (!client || client === parts[2]) return null;
  return `/${parts[0]}/${parts[1]}/${client}/`;
}
