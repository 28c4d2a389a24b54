// The profile form (src/components/ProfileForm.astro): checks the address against the page's
// provider and downloads a .mobileconfig built here, in the browser; nothing is sent anywhere.
// Every message is already in the page, in its language; this only picks one to show.
// The builder (plist and all) loads on first submit, so the page itself carries almost no script.
import type { Locale, Provider } from '../data/schema.ts';

function save(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not now: some browsers start reading the file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-profile-form]')) {
  // The page gives only the fields a profile reads (src/lib/profile-form.ts); tests/unit/profile-form.test.ts
  // checks that they build the same profile as the whole provider.
  const provider = JSON.parse(form.dataset.provider!) as Provider;
  const locale = form.dataset.locale as Locale;
  const [address, name] = form.querySelectorAll('input');
  const saved = form.querySelector<HTMLElement>('[data-profile-saved]')!;
  const problems = form.querySelectorAll<HTMLElement>('[data-problem]');

  const show = (problem: string | null) => {
    for (const p of problems) p.hidden = p.dataset.problem !== problem;
    address!.setAttribute('aria-invalid', String(problem !== null));
  };
  address!.addEventListener('input', () => {
    if (address!.getAttribute('aria-invalid') === 'true') show(null);
    saved.hidden = true;
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    saved.hidden = true;
    const { checkAddress, mobileconfig, PROFILE_CONTENT_TYPE } = await import('../lib/profile.ts');
    const checked = checkAddress(provider, address!.value);
    if (!checked.ok) {
      show(checked.problem);
      address!.focus();
      return;
    }
    show(null);
    save(mobileconfig(provider, { address: checked.address, senderName: name!.value, locale }), form.dataset.file!, PROFILE_CONTENT_TYPE);
    saved.hidden = false;
  });

  form.hidden = false;
  form.parentElement!.querySelector<HTMLElement>('[data-profile-static]')!.hidden = true;
}
