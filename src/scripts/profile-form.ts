// The profile form (src/components/ProfileForm.astro): shows the form instead of the static
// profile link, and loads the builder (src/scripts/profile-download.ts) on the first submit,
// so the page carries almost no script before anyone uses it. Nothing is sent anywhere.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-profile-form]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    (await import('./profile-download.ts')).submit(form);
  });
  form.hidden = false;
  form.parentElement!.querySelector<HTMLElement>('[data-profile-static]')!.hidden = true;
}
