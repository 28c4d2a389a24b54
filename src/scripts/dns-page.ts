// The DNS page: copy buttons, and the record checker, whose code loads on the first check.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = !navigator.clipboard;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(button.dataset.copy!);
    const label = button.textContent;
    button.textContent = JSON.parse(document.querySelector<HTMLElement>('[data-dns-check]')!.dataset.messages!).copied;
    setTimeout(() => (button.textContent = label), 2000);
  });
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-dns-check]')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await (await import('./dns-check-run.ts')).check(form);
  });
}
