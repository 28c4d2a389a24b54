// The home page's lookup form: the lookup itself loads on the first submit.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-lookup-form]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await (await import('./lookup-box.ts')).submitLookup(form);
  });
}
