// What the guide components ask of src/lib/guide.ts: step numbers from the client's step list,
// and no prop they do not render, so no value hides in one.
import { describe, expect, it } from 'vitest';
import { clients } from '../../src/lib/dataset.ts';
import { onlyProps, stepNumber } from '../../src/lib/guide.ts';

describe('stepNumber', () => {
  for (const client of clients) {
    it(`${client.id}: numbers the steps in the order of src/data/clients/${client.id}.json`, () => {
      expect(client.steps.map((id) => stepNumber({ client, locale: 'en' }, id))).toEqual(client.steps.map((_, i) => i + 1));
    });
  }

  it('names both files for a step id the client does not have', () => {
    const client = clients[0]!;
    expect(() => stepNumber({ client, locale: 'zh-cn' }, 'step-nope')).toThrow(`src/guides/${client.id}/zh-cn.mdx: step id "step-nope" is not in src/data/clients/${client.id}.json steps`);
  });

  it('follows the list when a step is added before', () => {
    const client = { ...clients[0]!, steps: ['step-new', ...clients[0]!.steps] };
    expect(stepNumber({ client, locale: 'en' }, clients[0]!.steps[0]!)).toBe(2);
  });
});

describe('onlyProps', () => {
  it('refuses a value hidden in a prop the component does not render, naming it', () => {
    expect(() => onlyProps('V', { f: 'incoming.port', fallback: 993 }, ['f'])).toThrow('<V>: unknown prop fallback=993');
    expect(() => onlyProps('Ui', { label: 'imap.163.com' }, [])).toThrow('<Ui>: unknown prop label="imap.163.com"');
  });

  it('lets the props it renders through', () => {
    expect(() => onlyProps('Step', { id: 'step-server', title: 'Enter the servers' }, ['id', 'title'])).not.toThrow();
  });
});
