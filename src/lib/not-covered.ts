// Mail apps people ask about that have no guide yet, because no source for their screens was
// found (Foxmail, NetEase Mail Master). Search says so instead of leaving only unrelated pages.
const NOT_COVERED = /foxmail|邮箱大师|mail\s*master|mailmaster/i;

/** Whether a search names an app we have no guide for. */
export const namesUncoveredApp = (query: string): boolean => NOT_COVERED.test(query);
