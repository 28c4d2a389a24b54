// A pasted error reply carries parts that differ every time: addresses, URLs, IP addresses,
// session ids, timestamps, server ids. Pagefind looks for every word of a query, so those
// parts would hide the page that explains the reply. These helpers drop them before searching.

const URL = /<?\bhttps?:\/\/\S+/gi;
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const DATE_TIME = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
/** Outlook and Windows error codes stay whole. */
const HEX_CODE = /^0x[0-9a-f]{8}$/i;
const HOSTNAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\.?$/i;

/** A word that is an id, not language: long mixes of letters and digits, long numbers, numbered server names. */
function isVariable(word: string): boolean {
  if (HEX_CODE.test(word) || HOSTNAME.test(word)) return false;
  if (/^\d{7,}$/.test(word)) return true; // unix times, long counters
  if (/^(?:smtp|mx|imap|pop|pop3|esmtp|hz)\d+$/i.test(word)) return true; // NetEase's server ids: smtp10, mx49
  const letters = (word.match(/[a-z]/gi) ?? []).length;
  const digits = (word.match(/\d/g) ?? []).length;
  return word.length >= 12 && letters > 0 && digits > 0;
}

const trim = (w: string) => w.replace(/^[^\p{L}\p{N}[]+|[^\p{L}\p{N}\]]+$/gu, '');

/** The query without its variable parts; hostnames go too when other words remain. */
export function normaliseQuery(query: string): string {
  const words = query
    // Chinese text glued to Latin (登录服务器imap.163.com失败) splits at the seam, so the hostname can go.
    // Not kana: a Japanese name glued to Latin (TikiTikiインターネット) is one word in the index.
    .replace(/([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])(?=[A-Za-z0-9])|([A-Za-z0-9])(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g, '$1$2 ')
    .replace(URL, ' ')
    .replace(ADDRESS, ' ')
    .replace(IPV4, ' ')
    .replace(DATE_TIME, ' ')
    .split(/[\s,;!?()'"“”‘’`，；！？（）、]+/)
    .map(trim)
    .filter((w) => w && !isVariable(w));
  const plain = words.filter((w) => !HOSTNAME.test(w));
  return (plain.length >= 2 ? plain : words).join(' ');
}

/** The codes that name a reply: 535, 5.7.8, DT:SPM, 0x800CCC0E, [ALERT], ERR.LOGIN.REQCODE. */
export function keyTerms(query: string): string {
  return normaliseQuery(query)
    .split(' ')
    .filter((w) => /^\d{3}(?:-\d\.\d+\.\d+)?$|^\d\.\d+\.\d+$|^[A-Z]{2}:[A-Z]{3}$|^0x[0-9a-f]{8}$|^\[[A-Z]+\]$|^[A-Z]{2,}(?:\.[A-Z]+)+$/i.test(w))
    .join(' ');
}

/** What to ask Pagefind, in order, until one gives results: the cleaned query, then its codes, then its first words. */
export function searchQueries(query: string): string[] {
  const clean = normaliseQuery(query);
  const words = clean.split(' ');
  const tries = [clean, keyTerms(query), words.slice(0, 6).join(' '), words.slice(0, 3).join(' ')];
  return tries.filter((q, i) => q && tries.indexOf(q) === i);
}

/**
 * Whether a query reads as a pasted reply rather than a question about a provider: it carries a
 * reply's codes (a bare number is a port, not a code), an address among other words, or runs
 * longer than a question does. Its page, not the provider it names, then comes first.
 */
export function looksLikeReply(query: string): boolean {
  // keyTerms reads ERR.LOGIN.REQCODE without regard to case, so a lower-case host name would pass as a code.
  const codes = keyTerms(query).split(' ').filter((w) => w && !/^\d{3}$/.test(w) && !(w.includes('.') && w === w.toLowerCase() && /[a-z]/.test(w)));
  const clean = normaliseQuery(query);
  const address = (query.match(ADDRESS) ?? []).length > 0 && query.trim().split(/\s+/).length > 1;
  return codes.length > 0 || address || clean.length > 40 || clean.split(' ').length > 8;
}
