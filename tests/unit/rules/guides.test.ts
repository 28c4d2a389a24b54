import { describe, expect, it } from 'vitest';
import { guideFile, guides } from '../../../src/lib/rules/guides.ts';
import { LOCALES } from '../../../src/data/schema.ts';
import { checkAll, client, FILES } from './fixtures.ts';

const prose = (steps: string[], extra = '') => steps.map((s) => `<Step id="${s}">x</Step>`).join('\n') + extra;
const run = (c = client(), text = (_locale: string) => prose(c.steps)) =>
  checkAll(guides, { clients: [{ file: FILES.client, data: c }], guides: LOCALES.map((l) => ({ file: guideFile(c.id, l), text: text(l) })) }).problems;

describe('guides: prose in every locale, one <Step> per step, in order, labels recorded', () => {
  it('passes matching prose', () => expect(run()).toEqual([]));

  it('refuses a missing guide, a missing step and a stray one', () => {
    const c = client();
    const [first] = LOCALES;
    const problems = checkAll(guides, { clients: [{ file: FILES.client, data: c }], guides: [{ file: guideFile(c.id, first), text: prose(['step-server', 'step-gone']) }, { file: 'src/guides/nobody/en.mdx', text: '' }] }).problems;
    expect(problems).toContain(`src/guides/nobody/en.mdx: (file) = "nobody/en.mdx": belongs to no client and locale: guides are src/guides/<client id>/{${LOCALES.join(',')}}.mdx for a client in src/data/clients/`);
    expect(problems).toContain(`${FILES.client}: steps[1] = "step-password": has no <Step id="step-password"> in ${guideFile(c.id, first)}`);
    expect(problems).toContain(`${guideFile(c.id, first)}: (file) = "<Step id=\\"step-gone\\">": is not one of the steps of ${FILES.client}`);
    for (const l of LOCALES.slice(1)) expect(problems).toContain(`${FILES.client}: id = "app": has no guide prose ${guideFile(c.id, l)}`);
  });

  it('refuses steps out of order', () => {
    expect(run(client(), () => prose(['step-password', 'step-server']))).toContain(`${guideFile('app', LOCALES[0])}: (file) = "step-password step-server": steps must follow the order of ${FILES.client}: step-server step-password`);
  });

  it('refuses a label key with no recorded label, a built-in name included', () => {
    const problems = run(client(), () => prose(client().steps, '<Ui k="toString" />'));
    expect(problems[0]).toBe(`${guideFile('app', LOCALES[0])}: (file) = "<Ui k=\\"toString\\" />": names no label recorded for ${LOCALES[0]} in ${FILES.client} labels`);
  });

  it('refuses a typed label where the locale’s labels are confirmed', () => {
    const c = client();
    c.labelsConfirmed[LOCALES[0]] = true;
    const problems = run(c, () => prose(c.steps, '<Ui>Server</Ui>'));
    expect(problems).toContain(`${guideFile('app', LOCALES[0])}: (file) = "<Ui>Server</Ui>": ${FILES.client} says labelsConfirmed.${LOCALES[0]} = true, so every label comes from the app's strings: record it in labels and write <Ui k="…" />`);
  });
});
