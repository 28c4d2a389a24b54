// Each client has its guide prose in every locale, with one `<Step id>` per step in the client's
// order, and quotes recorded labels by key (`<Ui k="key" />`), each recorded for its locale; a locale
// marked labelsConfirmed types no label of its own, so each label it shows has a source.
import { LOCALES, type Client, type Locale } from '../../data/schema.ts';
import { uiUses } from '../guide.ts';
import type { Add } from '../problems.ts';
import type { DatasetRule } from './rule.ts';

export const GUIDES = 'src/guides/';
const CLIENTS = 'src/data/clients/';
export const guideFile = (client: string, locale: string) => `${GUIDES}${client}/${locale}.mdx`;

function checkLabels(file: string, c: Client, locale: Locale, mdx: string, add: Add, addGuide: Add): void {
  const { keys, typed } = uiUses(mdx);
  for (const key of new Set(keys)) {
    if (!(Object.hasOwn(c.labels, key) && c.labels[key]![locale])) addGuide([], `<Ui k="${key}" />`, `names no label recorded for ${locale} in ${file} labels`);
  }
  if (c.labelsConfirmed[locale]) {
    for (const text of typed) addGuide([], `<Ui>${text}</Ui>`, `${file} says labelsConfirmed.${locale} = true, so every label comes from the app's strings: record it in labels and write <Ui k="…" />`);
    if (!keys.length) add(['labelsConfirmed', locale], true, `${guideFile(c.id, locale)} quotes no recorded label (<Ui k="…" />)`);
  }
}

export const guides: DatasetRule = ({ clients, guides: texts }, at) => {
  if (!texts) return;
  const prose = new Map(texts.map((f) => [f.file, f.text]));
  const expected = new Set(clients.flatMap(({ data: c }) => LOCALES.map((l) => guideFile(c.id, l))));
  for (const file of prose.keys()) {
    if (!expected.has(file) && file.endsWith('.mdx')) at(file)([], file.slice(GUIDES.length), `belongs to no client and locale: guides are ${guideFile('<client id>', `{${LOCALES.join(',')}}`)} for a client in ${CLIENTS}`);
  }
  for (const { file, data: c } of clients) {
    const add = at(file);
    for (const locale of LOCALES) {
      const guide = guideFile(c.id, locale);
      const mdx = prose.get(guide);
      if (mdx === undefined) {
        add(['id'], c.id, `has no guide prose ${guide}`);
        continue;
      }
      const addGuide = at(guide);
      const ids = [...mdx.matchAll(/<Step\s+id="([^"]*)"/g)].map((m) => m[1]!);
      c.steps.forEach((step, i) => {
        if (!ids.includes(step)) add(['steps', i], step, `has no <Step id="${step}"> in ${guide}`);
      });
      ids.forEach((id) => {
        if (!c.steps.includes(id)) addGuide([], `<Step id="${id}">`, `is not one of the steps of ${file}`);
      });
      checkLabels(file, c, locale, mdx, add, addGuide);
      const inOrder = ids.filter((id) => c.steps.includes(id));
      const want = c.steps.filter((id) => ids.includes(id));
      if (inOrder.join() !== want.join()) addGuide([], inOrder.join(' '), `steps must follow the order of ${file}: ${want.join(' ')}`);
    }
  }
};
