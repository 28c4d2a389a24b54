// On every page: `/` or Ctrl/⌘+K focuses search, and an email address or known domain
// typed into it goes straight to that provider's page. Kept tiny: it runs before any search.

const input = document.querySelector<HTMLInputElement>('#site-search');
const form = input?.form;

document.addEventListener('keydown', (e) => {
  if (!input) return;
  const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
  if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
    e.preventDefault();
    input.focus();
    input.select();
  }
});

form?.addEventListener('submit', async (e) => {
  const q = input!.value.trim();
  // Only something with a dot or an @ can be an address; the lookup code loads just then (search.ts
  // makes the same test).
  if (!/[.@。．＠]/.test(q) || /\s/.test(q)) return;
  e.preventDefault();
  const { lookup, looksLikeAddress, providerHref } = await import('../lib/lookup.ts');
  const found = looksLikeAddress(q) ? await lookup(q).catch(() => null) : null;
  if (found?.kind === 'known') location.assign(providerHref(form.dataset.lookup!, found.domain, q));
  else form.submit();
});
