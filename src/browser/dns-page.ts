// The DNS page: copy buttons, and the record checker, whose code loads on the first check.
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  b.hidden = !navigator.clipboard;
  b.onclick = () =>
    navigator.clipboard.writeText(b.dataset.copy!).then(() => {
      const label = b.textContent;
      b.textContent = b.dataset.copied!;
      setTimeout(() => (b.textContent = label), 2000);
    });
}
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-dns-check]')) {
  form.onsubmit = (e) => {
    e.preventDefault();
    void import('./dns-check-run.ts').then((m) => m.check(form));
  };
}
