// The profile form (src/components/ProfileForm.astro): checks the address against the page's
// provider and downloads a .mobileconfig built here, in the browser; nothing is sent anywhere.
// Every message is already in the page, in its language; this only picks one to show.
// Loaded by src/browser/phone.ts on the first submit, so pages carry almost no script before it.
import type { Provider } from '../data/schema.ts';
import { lookup } from '../lib/lookup.ts';
import { providerHref } from '../lib/address.ts';
import { checkAddress, cleanSenderName, mobileconfig, PROFILE_CONTENT_TYPE, type ProfileText } from '../lib/profile.ts';

function save(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: PROFILE_CONTENT_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not now: some browsers start reading the file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An address of another provider on this site: a link to that provider's page, carrying the address. */
async function linkProvider(form: HTMLFormElement, typed: string): Promise<void> {
  const link = form.querySelector<HTMLAnchorElement>('[data-other-provider]')!;
  link.hidden = true;
  const found = await lookup(typed).catch(() => null);
  if (found?.kind !== 'known') return;
  link.href = providerHref(link.dataset.base!, found.domain, typed);
  link.textContent = link.dataset.text!.replace('{d}', found.domain);
  link.hidden = false;
}

const wired = new WeakSet<HTMLFormElement>();

/** Handles one submit of a profile form: shows what is wrong with the address, or downloads the profile. */
export function submit(form: HTMLFormElement): void {
  // The page gives only the fields a profile reads (src/lib/profile-form.ts); tests/unit/profile-form.test.ts
  // checks that they build the same profile as the whole provider.
  const provider = JSON.parse(form.dataset.provider!) as Provider;
  const text = JSON.parse(form.dataset.text!) as ProfileText;
  const [address, name] = form.querySelectorAll('input');
  const saved = form.querySelector<HTMLElement>('[data-profile-saved]')!;
  const cleaned = form.querySelector<HTMLElement>('[data-name-cleaned]')!;
  const problems = form.querySelectorAll<HTMLElement>('[data-problem]');
  const show = (problem: string | null) => {
    for (const p of problems) p.hidden = p.dataset.problem !== problem;
    address!.setAttribute('aria-invalid', String(problem !== null));
  };
  if (!wired.has(form)) {
    wired.add(form);
    address!.addEventListener('input', () => {
      if (address!.getAttribute('aria-invalid') === 'true') show(null);
      saved.hidden = true;
    });
  }

  saved.hidden = true;
  cleaned.hidden = true;
  const checked = checkAddress(provider, address!.value);
  if (!checked.ok) {
    show(checked.problem);
    if (checked.problem === 'other-provider') void linkProvider(form, address!.value);
    address!.focus();
    return;
  }
  show(null);
  // Characters XML cannot hold are taken out, and the field shows what the profile got.
  const sender = cleanSenderName(name!.value);
  if (sender.removed > 0) {
    name!.value = sender.name;
    cleaned.hidden = false;
  }
  save(mobileconfig(provider, [text], { address: checked.address, senderName: sender.name }), form.dataset.file!);
  saved.hidden = false;
}
