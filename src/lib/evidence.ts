// How sure we are of one fact, computed from the sources it cites; never typed by hand.
import { GRADES, type Source } from '../data/schema.ts';

export { GRADES };
export type Grade = (typeof GRADES)[number];

/** A fact as the dataset stores it: the ids of its sources, and any values other sources give instead. */
export interface Fact {
  sources: string[];
  disagreements?: readonly unknown[];
}

/**
 * confirmed: an official page whose text we read says so (it wins over databases that differ);
 * disagree: otherwise, some source gives another value;
 * corroborated: two or more sources agree (an official page quoted elsewhere counts as one);
 * single-source: one source only.
 */
export function gradeOf(fact: Fact, sources: readonly Pick<Source, 'id' | 'kind'>[]): Grade {
  const cited = fact.sources.map((id) => sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (cited.some((s) => s.kind === 'official')) return 'confirmed';
  if (fact.disagreements?.length) return 'disagree';
  if (cited.length >= 2) return 'corroborated';
  return 'single-source';
}

/** Grades that draw the reader's attention; confirmed and corroborated values stay quiet. */
export const needsAttention = (grade: Grade) => grade === 'single-source' || grade === 'disagree';

/** Best first, for choosing among equally secure servers. */
export const gradeRank = (grade: Grade) => GRADES.indexOf(grade);

// The open databases the importer reads (scripts/import) are named, not numbered, where a
// page sets their values side by side: "ISPDB: 587 STARTTLS; FairEmail: 465 SSL/TLS".
const DATABASE_NAMES: Record<string, string> = { ispdb: 'ISPDB', fairemail: 'FairEmail', 'chatmail-provider-db': 'chatmail provider-db' };

/** How a page names a source in running text: the database's name, else its number in the list of sources. */
export function sourceLabel(id: string, sources: readonly Pick<Source, 'id'>[]): string {
  // A second file of the same database is cited as "fairemail-2" (scripts/import).
  return DATABASE_NAMES[id.replace(/-\d+$/, '')] ?? `[${sources.findIndex((s) => s.id === id) + 1}]`;
}
