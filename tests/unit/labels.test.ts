// Screen labels quoted from the apps' own strings: reading the string files, refreshing the
// recorded strings from a checkout, and the rule that a guide whose labels are marked confirmed
// shows only recorded strings. tests/e2e/labels.spec.ts checks the built pages.
import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../src/integrations/read-dataset.ts';
import { loadDataset, DatasetError, type TextFile } from '../../src/lib/load-dataset.ts';
import { recordedLabel, uiUses } from '../../src/lib/guide.ts';
import { clients } from '../../src/lib/dataset.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { parseAndroidStrings, parseFluent } from '../../scripts/labels/strings.ts';
import { refreshLabels } from '../../scripts/labels/refresh-lib.ts';

/** A string file parser's whole result: exactly these ids and strings. */
const reads = (parse: (source: string) => Map<string, string>, source: string, strings: Record<string, string>) => () => expect(parse(source)).toEqual(new Map(Object.entries(strings)));

describe('parseFluent', () => {
  const ftl = [
    '# comment',
    'account-hub-email-label = Email address',
    '    .accesskey = E',
    'account-hub-ssl-noencryption-option =',
    '    .label = None',
    'account-hub-long =',
    '    First line',
    '    second line',
    '',
    'account-hub-brand = { -brand-short-name } found it',
  ].join('\n');
  // Exactly these: a comment, or a message that has only attributes, gives no string.
  it(
    'reads values and attributes (id.attribute), joins multi-line values and keeps placeables as written',
    reads(parseFluent, ftl, {
      'account-hub-email-label': 'Email address',
      'account-hub-email-label.accesskey': 'E',
      'account-hub-ssl-noencryption-option.label': 'None',
      'account-hub-long': 'First line\nsecond line',
      'account-hub-brand': '{ -brand-short-name } found it',
    }),
  );
});

describe('parseAndroidStrings', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="plain">Send client information</string>
    <string name="quoted" msgid="1">"接收服务器设置"</string>
    <string name="escaped">Don\\'t &amp; \\"go\\"</string>
    <plurals name="ignored"><item quantity="one">x</item></plurals>
</resources>`;
  it('reads names and values, without the quotes Android strips, and no plurals', reads(parseAndroidStrings, xml, { plain: 'Send client information', quoted: '接收服务器设置', escaped: 'Don\'t & "go"' }));
});

describe('refreshLabels', () => {
  const commit = 'a'.repeat(40);
  const data = () => ({
    labels: {
      server: {
        en: { text: 'Server', source: { repo: 'o/app', file: 'values/strings.xml', id: 'server_label', commit: 'b'.repeat(40) } },
        'zh-cn': { text: '服务器', source: { repo: 'o/l10n', file: 'zh.ftl', id: 'server', commit: 'c'.repeat(40) } },
      },
      gone: { en: { text: 'Old', source: { repo: 'o/app', file: 'values/strings.xml', id: 'renamed_away', commit: 'b'.repeat(40) } } },
    },
  });
  const files: Record<string, string> = { 'values/strings.xml': '<resources><string name="server_label">Server name</string></resources>' };
  const result = refreshLabels(data(), 'o/app', commit, (f) => files[f]);
  it('takes a changed string and the commit it was read at', () => {
    expect(result.data.labels!.server!.en).toEqual({ text: 'Server name', source: { repo: 'o/app', file: 'values/strings.xml', id: 'server_label', commit } });
    expect(result.changes).toEqual(['labels.server.en: "Server" -> "Server name"']);
  });
  it('reports a string that is gone, so a renamed label is noticed', () => {
    expect(result.problems).toEqual([expect.stringContaining('labels.gone.en: string renamed_away is no longer in values/strings.xml')]);
    expect(result.data.labels!.gone!.en!.text).toBe('Old');
  });
  it('leaves labels from other repositories alone', () => {
    expect(result.data.labels!.server!['zh-cn']).toEqual(data().labels.server['zh-cn']);
    expect(result.checked).toBe(2);
  });
  it('reports a file missing from the checkout', () => {
    expect(refreshLabels(data(), 'o/app', commit, () => undefined).problems[0]).toContain('file values/strings.xml is not in the checkout');
  });
});

describe('guides quote recorded labels', () => {
  const shipped = readDatasetFiles();
  const problemsWith = (changes: Record<string, string>): string[] => {
    const files: TextFile[] = [...shipped.filter((f) => !(f.file in changes)), ...Object.entries(changes).map(([file, text]) => ({ file, text }))];
    try {
      loadDataset(files, { now: new Date('2026-12-06T06:00:00Z') });
    } catch (e) {
      if (e instanceof DatasetError) return e.problems;
      throw e;
    }
    return [];
  };
  const mdx = (file: string) => shipped.find((f) => f.file === file)!.text;

  it('a confirmed guide may not type a label of its own', () => {
    const file = 'src/guides/thunderbird/en.mdx';
    const problems = problemsWith({ [file]: mdx(file).replace('<Ui k="continue" />', '<Ui>Go on</Ui>') });
    expect(problems).toContainEqual(expect.stringMatching(/^src\/guides\/thunderbird\/en\.mdx: \(file\) = "<Ui>Go on<\/Ui>": .*labelsConfirmed\.en = true/));
  });

  it('a key the client does not record stops the build, naming both files', () => {
    const file = 'src/guides/thunderbird-android/zh-cn.mdx';
    const problems = problemsWith({ [file]: mdx(file).replace('<Ui k="next" />', '<Ui k="nxet" />') });
    expect(problems).toContainEqual(expect.stringContaining('src/guides/thunderbird-android/zh-cn.mdx: (file) = "<Ui k=\\"nxet\\" />": names no label recorded for zh-cn in src/data/clients/thunderbird-android.json'));
  });

  for (const client of clients) {
    for (const locale of LOCALES) {
      const { keys, typed } = uiUses(mdx(`src/guides/${client.id}/${locale}.mdx`));
      if (client.labelsConfirmed[locale]) {
        it(`${client.id} (${locale}): every label the guide shows is a recorded string with its source`, () => {
          expect(typed).toEqual([]);
          expect(keys.length).toBeGreaterThan(0);
          for (const key of keys) {
            const label = client.labels[key]![locale]!;
            expect(recordedLabel({ client, locale }, key)).toBe(label.text);
            expect(label.source.commit).toMatch(/^[0-9a-f]{40}$/);
          }
        });
      }
    }
  }

  it('Thunderbird and Thunderbird for Android are confirmed in both languages', () => {
    for (const id of ['thunderbird', 'thunderbird-android']) expect(clients.find((c) => c.id === id)!.labelsConfirmed).toEqual({ 'zh-cn': true, en: true });
  });
});
