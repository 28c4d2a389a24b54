// How sure we are of one fact, computed from the sources it cites; never typed by hand.
import { GRADES } from '../data/terms.ts';
import type { Source } from '../data/schema.ts';
import { DATABASES, databaseOf } from './databases.ts';

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

/** How a page names a source in running text: the database's name, else its number in the list of sources. */
export function sourceLabel(id: string, sources: readonly Pick<Source, 'id'>[]): string {
  const db = databaseOf(id);
  return db ? DATABASES[db].name : `[${sources.findIndex((s) => s.id === id) + 1}]`;
}
