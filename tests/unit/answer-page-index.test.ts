// The search page carries only some provider names (src/lib/answer-index.ts pageIndex) and answers a
// question from them alone when their reading is settled: a curated provider, not an app's name too.
// Then it must be the reading of the whole table, for questions built from the dataset's own names.
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/integrations/read-dataset.ts';
import { answerIndex, pageIndex } from '../../src/lib/answer-index.ts';
import { foundCurated, readQuestion, type Question } from '../../src/lib/answer.ts';
import { t } from '../../src/lib/i18n.ts';

const { providers, clients } = readDataset();
const whole = answerIndex(providers, clients);
const page = pageIndex(whole, 'en');
const settled = (q: Question) => foundCurated(q, page) && !q.appToo;
const reading = (q: Question) => ({ providers: q.providers, app: q.app, wants: q.wants });
const smtp = { 'zh-cn': t('zh-cn').answerWords.smtp[0]!, en: t('en').answerWords.smtp[0]! };
const carried = new Set(page.providers.map(([d]) => d));

/** Questions whose page reading is settled must read the same with every name; returns how many were settled. */
function same(questions: string[]): number {
  let n = 0;
  for (const q of questions) {
    const mine = readQuestion(q, page);
    if (!settled(mine)) continue;
    n++;
    expect(reading(mine), q).toEqual(reading(readQuestion(q, whole)));
  }
  return n;
}

describe('the search page’s own provider names', () => {
  it('carry fewer names than the whole table, and say where the rest is', () => {
    expect(page.providers.length).toBeLessThan(whole.providers.length);
    expect(page.more).toMatch(/^\/answer\/.+\.json$/);
  });

  it('settle every question about a curated provider by any of its names, unless the name is an app’s too', () => {
    for (const [domain, names] of whole.providers.filter(([d]) => d in whole.answers))
      for (const name of names) {
        const q = readQuestion(`${name} ${smtp.en}`, page);
        // A name two curated providers share (阿里邮箱) answers with the most used, and lists the other.
        expect(q.providers, name).toContain(domain);
        if (!q.appToo) expect(same([`${name} ${smtp.en}`]), name).toBe(1);
      }
  });

  it('read any provider’s name, in either language’s question, as the whole table does when settled', () => {
    same(whole.providers.flatMap(([, names]) => names.flatMap((n) => [`${n} ${smtp.en}`, `${n}的${smtp['zh-cn']}服务器`, `what is the ${smtp.en} port for ${n}`])));
  });

  it('read a curated provider named beside any other provider as the whole table does', () => {
    // Every other provider when there are a few hundred; a fixed spread of them as the dataset grows.
    const others = whole.providers.filter(([d]) => !carried.has(d));
    const sample = others.filter((_, i) => i % Math.ceil(others.length / 400) === 0);
    const curated = whole.providers.filter(([d]) => d in whole.answers);
    const questions = curated.flatMap(([, c]) => sample.flatMap(([, o]) => [`${c[0]} ${o[0]} ${smtp.en}`, `${o.at(-1)} ${c.at(-1)} ${smtp.en}`]));
    expect(same(questions)).toBeGreaterThan(questions.length / 2);
  });
});
