// Built without a site address, the autoconfig and API pages print the site's own URLs as paths
// (/v1.1/163.com): write the address this page was loaded from in front of them.
const note = document.querySelector<HTMLElement>('[data-own-origin]');
const main = document.querySelector('main');
if (note && main) {
  const paths = JSON.parse(note.dataset.ownOrigin!) as string[];
  const escaped = paths.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const bare = new RegExp(`(^|\\s)(${escaped})`, 'g');
  const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.nodeValue && bare.test(n.nodeValue)) n.nodeValue = n.nodeValue.replace(bare, (_, space: string, path: string) => space + location.origin + path);
}
