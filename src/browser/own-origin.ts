// Built without SITE, the autoconfig and API pages name a placeholder host (src/lib/own-site.ts):
// show the address this page was actually loaded from instead.
import { UNSET_SITE } from '../lib/own-site.ts';

const main = document.querySelector('main');
if (main) {
  const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.nodeValue?.includes(UNSET_SITE)) n.nodeValue = n.nodeValue.replaceAll(UNSET_SITE, location.origin);
  for (const a of main.querySelectorAll<HTMLAnchorElement>(`a[href^="${UNSET_SITE}"]`)) a.href = location.origin + a.getAttribute('href')!.slice(UNSET_SITE.length);
}
