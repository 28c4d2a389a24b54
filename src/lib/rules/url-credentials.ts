// `https://service.mail.qq.com@evil.example/` reads as qq.com but leads to evil.example.
import { walk } from '../problems.ts';
import type { FileRule } from './rule.ts';

/** Every field named `url`, in any kind of file (sources, a provider's access page). */
export const urlCredentials: FileRule<unknown> = (data, add) =>
  walk(data, (value, path) => {
    if (path.at(-1) !== 'url' || typeof value !== 'string' || !URL.canParse(value)) return;
    const url = new URL(value);
    if (url.username || url.password) add(path, value, `contains a user name or password before "@", so it leads to ${url.hostname}; link the page itself`);
  });
