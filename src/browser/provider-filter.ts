// The providers index: hides the entries whose names and domains do not contain what was typed.
export {};
const form = document.querySelector<HTMLFormElement>('form[data-provider-filter]');
if (form) {
  const input = form.querySelector('input')!;
  const count = form.querySelector<HTMLElement>('[data-filter-count]')!;
  const items = [...document.querySelectorAll<HTMLLIElement>('.provider-index > li')];
  form.hidden = false;
  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase().replace(/^.*@/, '');
    let n = 0;
    for (const li of items) {
      li.hidden = q !== '' && !li.dataset.terms!.includes(q);
      if (!li.hidden) n++;
    }
    count.textContent = q ? count.dataset.template!.replace('{n}', String(n)) : '';
  });
}
