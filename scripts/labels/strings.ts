// Reading one string by id from an app's own string files: Fluent (.ftl, Thunderbird) and
// Android resources (strings.xml). Used by refresh.ts; pure, so tests/unit/labels.test.ts can
// feed it small fixtures.
import { XMLParser } from 'fast-xml-parser';

/**
 * The messages of a Fluent file by id; an attribute is `id.attribute`. Enough Fluent for labels:
 * single- and multi-line text values and attributes. Placeables stay as written ({ -brand-short-name }).
 */
export function parseFluent(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | undefined;
  let key: string | undefined;
  const put = (k: string, v: string) => out.set(k, out.has(k) ? `${out.get(k)}\n${v}` : v);
  for (const line of text.split(/\r?\n/)) {
    if (/^#/.test(line) || !line.trim()) {
      if (!line.trim()) continue;
      id = key = undefined;
      continue;
    }
    const message = /^(-?[a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (message) {
      id = key = message[1]!;
      if (message[2]!.trim()) out.set(key, message[2]!.trim());
      continue;
    }
    const attribute = /^\s+\.([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (attribute && id) {
      key = `${id}.${attribute[1]}`;
      if (attribute[2]!.trim()) out.set(key, attribute[2]!.trim());
      continue;
    }
    if (/^\s+/.test(line) && key) put(key, line.trim());
  }
  return out;
}

// Android string resources: a value wrapped in double quotes keeps its spaces and loses the quotes;
// backslash escapes \' \" \@ \? \n \t.
function androidText(raw: string): string {
  let v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  return v.replace(/\\(['"@?\\])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** The `<string name="…">` values of an Android strings.xml by name. */
export function parseAndroidStrings(xml: string): Map<string, string> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', trimValues: false, parseTagValue: false, isArray: (name) => name === 'string' });
  const doc = parser.parse(xml) as { resources?: { string?: Array<{ '@_name': string; '#text'?: string } | string> } };
  const out = new Map<string, string>();
  for (const s of doc.resources?.string ?? []) {
    if (typeof s === 'string' || !s['@_name']) continue;
    out.set(s['@_name'], androidText(String(s['#text'] ?? '')));
  }
  return out;
}

/** The strings of a file by its name: .ftl is Fluent, .xml Android resources. */
export function parseStrings(file: string, text: string): Map<string, string> {
  if (file.endsWith('.ftl')) return parseFluent(text);
  if (file.endsWith('.xml')) return parseAndroidStrings(text);
  throw new Error(`${file}: no reader for this kind of string file (.ftl and Android .xml are known)`);
}
