// Before any interaction only this runs on provider pages and guides (one file, so the page stays
// within its 2 KB script budget): it shows the copy and share controls (src/components/Share.astro)
// and the profile form (src/components/ProfileForm.astro), and loads the rest on use:
// src/browser/share.ts when the URL has ?address= or on a click, the profile builder
// (src/browser/profile-download.ts) on the form's first submit. Nothing is sent anywhere.
const root = document.querySelector<HTMLElement>('[data-phone]');
const share = () => import('./share.ts');
if (root) {
  root.hidden = false;
  for (const b of document.querySelectorAll<HTMLElement>('[data-copy]')) b.hidden = false;
  if (location.search.includes('address=')) void share().then((m) => m.applyAddress(root));
  document.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLElement>('[data-copy],[data-share]');
    if (b) void share().then((m) => m.use(b, root));
  });
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-profile-form]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    (await import('./profile-download.ts')).submit(form);
  });
  form.hidden = false;
  // The static profile link, right after the form.
  (form.nextElementSibling as HTMLElement).hidden = true;
}
