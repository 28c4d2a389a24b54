// Characters that cannot go into the files the site writes as XML (autoconfig, Apple profiles):
// the one definition the profile writer (src/lib/plist.ts) and the data checks use.

/** A character an XML 1.0 document cannot hold, escaped or not (outside its Char production); lone surrogates included. */
export const NON_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** DEL and the C1 controls: XML 1.0 allows them, but they are invisible, so the dataset refuses them too. */
export const INVISIBLE_CONTROL = /[\u007F-\u009F]/u;

/** Whether a text holds a character XML 1.0 cannot hold. */
export const hasNonXmlChar = (text: string) => NON_XML_CHAR.test(text);

/** The text without the characters XML 1.0 cannot hold, and how many were removed. */
export function stripNonXmlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(new RegExp(NON_XML_CHAR.source, 'gu'), () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}
