// One run of the DNS page's record checker: asks the chosen resolver for the domain's MX, TXT and
// _dmarc TXT records, then shows what src/lib/dns-check.ts finds. Everything shown is text, never HTML.
import { checkRecords, type Expected, type Finding } from '../lib/dns-check.ts';
import { failureMessage, query, queryMx, resolverById, type DnsFailure } from '../lib/doh.ts';
import { parseAddress } from '../lib/lookup.ts';

interface Messages {
  findings: Record<string, string>;
  levels: Record<Finding['level'], string>;
  failed: Record<DnsFailure, string>;
  checking: string;
  invalid: string;
  resultFor: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

let running = 0;

export async function check(form: HTMLFormElement): Promise<void> {
  const box = form.parentElement!.querySelector<HTMLElement>('[data-dns-result]')!;
  const messages = JSON.parse(form.dataset.messages!) as Messages;
  const expected = JSON.parse(form.dataset.expected!) as Expected;
  const input = form.querySelector<HTMLInputElement>('input[name=domain]')!;
  const parsed = parseAddress(input.value);
  input.setAttribute('aria-invalid', String(!parsed));
  if (!parsed) return box.replaceChildren(el('p', messages.invalid, 'warn'));
  const resolver = resolverById(new FormData(form).get('resolver') as string);
  const mine = ++running;
  box.replaceChildren(el('p', messages.checking));
  let found: Finding[];
  try {
    const [mx, txt, dmarc] = await Promise.all([queryMx(resolver, parsed.domain), query(resolver, parsed.domain, 'TXT'), query(resolver, `_dmarc.${parsed.domain}`, 'TXT')]);
    found = checkRecords({ mx, txt, dmarc }, expected);
  } catch (e) {
    if (mine === running) box.replaceChildren(el('p', failureMessage(messages.failed, resolver, e), 'warn'));
    return;
  }
  if (mine !== running) return;
  const list = el('ul', undefined, 'findings');
  for (const f of found) {
    const item = el('li', undefined, f.level === 'ok' ? 'note' : f.level === 'error' ? 'warn' : 'note');
    item.dataset.finding = f.id;
    const head = el('p');
    head.append(el('strong', `${messages.levels[f.level]}: `), messages.findings[f.id] ?? f.id);
    item.append(head);
    if (f.detail) item.append(el('pre', f.detail));
    list.append(item);
  }
  box.replaceChildren(el('h3', messages.resultFor.replace('{domain}', parsed.domain)), list);
}
