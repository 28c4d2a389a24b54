// How sure we are of one fact, computed from the sources it cites; never typed by hand.
import type { Source } from '../data/schema.ts';

export const GRADES = ['confirmed', 'corroborated', 'single-source', 'disagree'] as const;
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
export function gradeOf(fact: Fact, sources: readonly Source[]): Grade {
  const cited = fact.sources.map((id) => sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
  if (cited.some((s) => s.kind === 'official')) return 'confirmed';
  if (fact.disagreements?.length) return 'disagree';
  if (cited.length >= 2) return 'corroborated';
  return 'single-source';
}
