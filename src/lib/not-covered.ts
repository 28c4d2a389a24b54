// Mail apps people ask about that have no guide yet, because no source for their screens was found
// (src/data/errors/apps.json, the apps with aliases). Search says so instead of leaving only unrelated pages.

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** Whether a search names one of `aliases`, ignoring case and spaces. */
export const namesUncoveredApp = (query: string, aliases: readonly string[]): boolean => aliases.some((a) => squash(query).includes(squash(a)));
