// Before any interaction only this runs on provider pages and guides: it shows the copy and share
// controls and loads the rest when it is needed, so the page stays within its script budget.
const root = document.querySelector<HTMLElement>('[data-phone]');
if (root) {
  root.hidden = false;
  for (const b of document.querySelectorAll<HTMLElement>('[data-copy]')) b.hidden = false;
  if (/[?&]address=/.test(location.search)) void import('./address.ts').then((m) => m.apply(root));
  document.addEventListener('click', (e) => {
    const b = (e.target as Element).closest?.<HTMLElement>('[data-copy],[data-share]');
    if (b) void import('./share.ts').then((m) => m.use(b, root));
  });
}
