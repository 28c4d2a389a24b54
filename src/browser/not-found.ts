// The 404 page's "did you mean" link (src/components/NotFoundHint.astro).
import { suggestPath } from '../lib/not-found.ts';

const hint = document.querySelector<HTMLElement>('[data-not-found-hint]');
const path = hint && suggestPath(location.pathname, JSON.parse(hint.dataset.clients!) as Parameters<typeof suggestPath>[1]);
if (hint && path) {
  const a = hint.querySelector('a')!;
  a.href = path + location.search + location.hash;
  a.textContent = path;
  hint.hidden = false;
}
