// A date in the future is a typo, or a claim that a check was done that was not.
import type { FileRule, Sourced } from './rule.ts';

/**
 * The latest date that is already today somewhere on Earth (UTC+14): a date someone wrote down
 * today in China is not "in the future" just because it is still yesterday in UTC.
 */
export const latestToday = (now: Date) => new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);

export const dates: FileRule<Sourced> = (data, add, { now }) => {
  const today = latestToday(now);
  const why = `is in the future (today is ${now.toISOString().slice(0, 10)}): write the day the check was done`;
  if (data.verified > today) add(['verified'], data.verified, why);
  data.sources.forEach((s, i) => {
    if (s.checked > today) add(['sources', i, 'checked'], s.checked, why);
  });
};
