// A 404 page's "did you mean": the usual other names of a client in a guide URL
// (`/zh-cn/163.com/iphone/` → `/zh-cn/163.com/ios/`). Pure; the 404 page runs it on its own path.
const CLIENT_NAMES: Record<string, string> = {
  iphone: 'ios', ipad: 'ios', 'ios-mail': 'ios', 'apple-mail': 'ios', mail: 'ios',
  windows: 'outlook', 'outlook-windows': 'outlook', 'outlook-desktop': 'outlook', win: 'outlook',
  'android-mail': 'android', gmail: 'android',
  mac: 'macos', osx: 'macos', 'mac-mail': 'macos',
};

/** The page the path most likely meant, among `clients` (the ids of the site's clients), or null. */
export function suggestPath(pathname: string, clients: readonly string[]): string | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length !== 3) return null;
  const name = decodeURIComponent(parts[2]!).toLowerCase();
  const client = clients.includes(name) ? name : CLIENT_NAMES[name];
  if (!client || !clients.includes(client) || client === parts[2]) return null;
  return `/${parts[0]}/${parts[1]}/${client}/`;
}
