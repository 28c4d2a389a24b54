// Words as people would write them (issue 21): a text built from data must not say a word twice in a
// row ("163 邮箱 邮箱", "腾讯企业邮箱企业邮箱", "@ @（域名本身）", "Mail (qiye.163.com) qiye.163.com").
// Returns the doubled parts found, for the test's message.
export function doubledWords(text: string): string[] {
  const found: string[] = [];
  // A word or symbol repeated after a space: "邮箱 邮箱", "Mail Mail", "@ @".
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])([\p{L}\p{N}.@-]+)[\s()（）]+\1(?![\p{L}\p{N}])/gu)) if (!/^\d+$/.test(m[1]!)) found.push(m[0]);
  // Two Chinese characters or more repeated with nothing between: "企业邮箱企业邮箱".
  for (const m of text.matchAll(/(\p{Script=Han}{2,})\1/gu)) found.push(m[0]);
  return found;
}
