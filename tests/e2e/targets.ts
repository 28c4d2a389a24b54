// The tap-target measure of issue 21, run in the page after its scripts: every visible button,
// field and link that acts as a control must be at least 44×44 CSS px (WCAG 2.5.5); a radio or
// checkbox counts with its label, which must be 44 px tall; a card counts as the card it covers.
// Links inside sentences are exempt, as WCAG's inline exception says. Returns what is too small.
export function smallTargets(): string[] {
  const MIN = 44 - 0.5;
  const CONTROLS = 'button, input, select, textarea, summary, .top a, a.skip, a.anchor, ul.cards a, ul.picker a';
  const small: string[] = [];
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 30)}”`;
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!shown(el)) continue;
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
      const h = label ? label.getBoundingClientRect().height : el.getBoundingClientRect().height;
      if (h < MIN) small.push(`${name(el)} label ${Math.round(h)} px tall`);
      continue;
    }
    // A card's link is stretched over the card (::after): the card is the target.
    const r = (el.matches('ul.cards a') ? el.closest('li')! : el).getBoundingClientRect();
    if (r.width < MIN || r.height < MIN) small.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
}
