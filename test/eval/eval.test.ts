// The public evaluation set: its shape, the judge, and the engine's accuracy on it.
import { describe, expect, it } from 'vitest';
import { containsAlternative, fold, judge, score, type EvalAnswer, type EvalItem, type Score } from './judge.ts';
import { findArticleText, loadPublicSet } from './public-set.ts';
import { evalEngines, loadSets, MODES, runSet } from './run-sets.ts';
import { formatScore } from './report.ts';

const items = loadPublicSet();
const article = findArticleText();


describe('public evaluation set: structure', () => {
  const count = (pred: (i: EvalItem) => boolean) => items.filter(pred).length;

  it('has at least 150 questions, about half of them in French', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    const frShare = count((i) => i.lang === 'fr') / items.length;
    expect(frShare).toBeGreaterThanOrEqual(0.4);
    expect(frShare).toBeLessThanOrEqual(0.6);
  });

  it('has at least 35 out-of-scope and 25 "not said" questions, in both languages', () => {
    expect(count((i) => i.expect === 'refuse')).toBeGreaterThanOrEqual(35);
    expect(count((i) => i.expect === 'not_said')).toBeGreaterThanOrEqual(25);
    for (const lang of ['en', 'fr'] as const) {
      expect(count((i) => i.lang === lang && i.expect === 'refuse')).toBeGreaterThanOrEqual(10);
      expect(count((i) => i.lang === lang && i.expect === 'not_said')).toBeGreaterThanOrEqual(10);
      expect(count((i) => i.lang === lang && i.expect === 'answer')).toBeGreaterThanOrEqual(40);
    }
  });

  it('has unique ids and unique questions (even ignoring case, accents and punctuation)', () => {
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = items.map((i) => fold(i.question).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
    const dupes = keys.filter((k, n) => keys.indexOf(k) !== n);
    expect(dupes).toEqual([]);
  });

  it('numbers its ids en-001… and fr-001… without gaps', () => {
    for (const lang of ['en', 'fr'] as const) {
      const ids = items.filter((i) => i.lang === lang).map((i) => i.id);
      expect(ids).toEqual(ids.map((_, n) => `${lang}-${String(n + 1).padStart(3, '0')}`));
    }
  });

  // Single digits stand for the article's number words ("cinq jours", "Six interpellations").
  it.skipIf(!article)('expects only figures that the article gives', () => {
    const folded = fold(article!.text);
    const numbers = items.flatMap((i) => (i.mustContain ?? []).flat()).filter((a) => /\d{2,}/.test(fold(a)));
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(containsAlternative(folded, n), n).toBe(true);
  });

  it('every expected key word is reachable: no group is empty and no alternative is blank', () => {
    for (const item of items) {
      for (const group of item.mustContain ?? []) {
        expect(group.length, item.id).toBeGreaterThan(0);
        for (const alt of group) expect(fold(alt).length, item.id).toBeGreaterThan(0);
      }
    }
  });
});

const yes = (text: string, lang: 'en' | 'fr' = 'en'): EvalAnswer => ({
  answered: true,
  text,
  lang,
  sources: [{ quote: 'q', factId: 'f' }],
});
const no: EvalAnswer = { answered: false, text: "Sorry, the article doesn't cover that.", lang: 'en', sources: [] };

describe('judge', () => {
  const evacuees: EvalItem = { id: 'en-900', lang: 'en', question: 'how many left aleppo', expect: 'answer', mustContain: [['25000']] };
  const talks: EvalItem = {
    id: 'fr-900',
    lang: 'fr',
    question: 'qui soutient qui',
    expect: 'answer',
    mustContain: [['russie', 'moscou'], ['iran', 'teheran'], ['rebelle']],
  };
  const toll: EvalItem = { id: 'en-901', lang: 'en', question: 'how many dead?', expect: 'not_said' };
  const tollFr: EvalItem = { id: 'fr-901', lang: 'fr', question: 'combien de morts ?', expect: 'not_said' };
  const weather: EvalItem = { id: 'fr-902', lang: 'fr', question: 'Quel temps fait-il à Ankara ?', expect: 'refuse' };

  it('passes a right answer whatever the number separators and accents', () => {
    for (const text of ['At least 25,000 people left.', "Au moins 25'000 personnes.", 'about 25 000', '25\u202f000 civilians', '25000.']) {
      expect(judge(evacuees, yes(text)), text).toEqual({ pass: true });
    }
    expect(judge(talks, yes('Moscou et Téhéran soutiennent Assad ; Ankara appuie des groupes rebelles.', 'fr')).pass).toBe(true);
  });

  it('fails a wrong answer, a refusal, a wrong language and an answer without a source', () => {
    expect(judge(evacuees, yes('About 2,500 people left.'))).toMatchObject({ pass: false });
    expect(judge(evacuees, yes('250000 people left.')).pass).toBe(false);
    expect(judge(evacuees, no)).toMatchObject({ pass: false, reason: expect.stringMatching(/refused/) });
    expect(judge(evacuees, { ...yes('25 000'), lang: 'fr' })).toMatchObject({ pass: false, reason: expect.stringMatching(/asked in "en"/) });
    expect(judge(evacuees, { ...yes('25 000'), sources: [] })).toMatchObject({ pass: false, reason: expect.stringMatching(/source/) });
    // One group missing (no rebels) is enough to fail.
    expect(judge(talks, yes('Moscou et Téhéran soutiennent Assad.', 'fr'))).toMatchObject({ pass: false, reason: expect.stringMatching(/rebelle/) });
  });

  it('matches key words at the start of words only, and whole numbers only', () => {
    const six: EvalItem = { id: 'en-903', lang: 'en', question: 'arrests?', expect: 'answer', mustContain: [['six', '6']] };
    expect(judge(six, yes('Six people were arrested.')).pass).toBe(true);
    expect(judge(six, yes('6 arrests.')).pass).toBe(true);
    expect(judge(six, yes('In 2016 there were arrests.')).pass).toBe(false);
    expect(judge(six, yes('65 arrests.')).pass).toBe(false);
    expect(containsAlternative(fold('des milices pro-iraniennes'), 'iran')).toBe(true);
    expect(containsAlternative(fold('Croix-Rouge'), 'croix rouge')).toBe(true);
    expect(containsAlternative(fold('a Téhéran'), 'Teheran')).toBe(true);
    expect(containsAlternative(fold('separately'), 'rate')).toBe(false);
  });

  it('passes a refusal for an out-of-scope question and fails an answer to it', () => {
    expect(judge(weather, { ...no, lang: 'fr' })).toEqual({ pass: true });
    expect(judge(weather, yes('Il fait beau à Ankara.', 'fr'))).toMatchObject({ pass: false, reason: expect.stringMatching(/out-of-scope/) });
  });

  it('passes "the article does not say" in both languages, and fails an invented toll', () => {
    expect(judge(toll, yes('The article does not say how many people died.')).pass).toBe(true);
    expect(judge(toll, yes("The article doesn’t give a death toll.")).pass).toBe(true);
    expect(judge(tollFr, yes("L'article ne dit pas combien de personnes sont mortes.", 'fr')).pass).toBe(true);
    expect(judge(tollFr, yes("L'article ne précise pas le bilan.", 'fr')).pass).toBe(true);
    // An invented number, however it is written, fails.
    expect(judge(toll, yes('The article does not say, but about 300 people died.'))).toMatchObject({ pass: false, reason: expect.stringMatching(/300/) });
    expect(judge(tollFr, yes("L'article ne dit pas le bilan exact : environ 1 200 morts.", 'fr'))).toMatchObject({ pass: false, reason: expect.stringMatching(/1200/) });
    // Asserting a toll without the "does not say" is wrong too, and so are a refusal and the wrong language.
    expect(judge(toll, yes('About 300 people died.')).pass).toBe(false);
    expect(judge(toll, yes('Several people died.')).pass).toBe(false);
    expect(judge(toll, no).pass).toBe(false);
    expect(judge(tollFr, yes('The article does not say.', 'en')).pass).toBe(false);
  });

  it('lets a "not said" item with key words quote a figure, but then requires the key words', () => {
    const split: EvalItem = { id: 'en-904', lang: 'en', question: 'how many of the 25000 were rebels?', expect: 'not_said', mustContain: [['rebel', 'civil']] };
    expect(judge(split, yes('The article does not say how many were rebels: it gives 25,000 civilians and rebels together.')).pass).toBe(true);
    expect(judge(split, yes('The article does not say; 25,000 left.')).pass).toBe(false);
  });

  it('scores a run: counts by kind and language, accuracy, failures', () => {
    const set = [evacuees, talks, toll, weather];
    const s = score(set, (item) => (item.expect === 'refuse' ? yes('Sunny.', 'fr') : item === toll ? yes('The article does not say.') : yes('25000')));
    expect(s.total).toBe(4);
    expect(s.passed).toBe(2); // evacuees and toll; talks misses its key words and weather was answered
    expect(s.accuracy).toBe(0.5);
    expect(s.byExpect.refuse).toEqual({ total: 1, passed: 0, accuracy: 0 });
    expect(s.byExpect.not_said).toEqual({ total: 1, passed: 1, accuracy: 1 });
    expect(s.byLang.fr).toEqual({ total: 2, passed: 0, accuracy: 0 });
    expect(s.answeredRefusals).toBe(1);
    expect(s.failures.map((f) => f.item.id)).toEqual(['fr-900', 'fr-902']);
  });
});

// Every set is asked of the whole knowledge (every article): routing between articles is part of the score. The
// second to seventh sets, the Notre-Dame set and the two conversation sets were each written apart from the knowledge
// and the other sets, from the article alone (their first runs are in run-sets.ts). Each set is asked in every mode a
// reader meets (run-sets.ts): fresh, as one conversation, right after an answered question ("primed"), from a lean
// summary, and with its article loaded alone. The bars are the figures the engine holds today; they only ever go up.
const bars: Record<string, { min: number; lean?: number }> = {
  public: { min: 0.99, lean: 0.9 },
  second: { min: 0.97 },
  third: { min: 0.92 },
  blind: { min: 0.92 },
  final: { min: 0.94 },
  sixth: { min: 0.93 },
  seventh: { min: 0.88 },
  'Notre-Dame': { min: 0.78 },
  'Syria conversations': { min: 0.78 },
  'Notre-Dame conversations': { min: 0.72 },
};

const outOfScopeAnswered = (result: Score) => result.failures.filter((f) => f.item.expect === 'refuse').map((f) => `${f.item.id}: ${f.item.question}`);

/**
 * Lines a reader of this set knows are not about its article: with every article loaded they are answered from
 * another one (routing), which adding an article may change; nothing else may.
 */
const OUT_OF_SCOPE_ELSEWHERE: Record<string, string[]> = {
  // "who's the US president" in a conversation about Syria: the Notre-Dame article names the US president-elect.
  'Syria conversations': ['c33-3'],
};

describe('Depeche on the evaluation sets', () => {
  const engines = evalEngines();
  for (const set of loadSets()) {
    const bar = bars[set.name]!;
    it(`GIVEN the ${set.name} set THEN at least ${bar.min * 100}% is right fresh and as one conversation`, () => {
      const fresh = runSet(set, 'fresh', engines);
      const conversation = runSet(set, 'conversation', engines);
      console.log(formatScore(`Depeche on the ${set.name} set, fresh (${fresh.total} lines)`, fresh, { failures: true }));
      console.log(formatScore(`Depeche on the ${set.name} set, as one conversation`, conversation));
      expect(fresh.accuracy).toBeGreaterThanOrEqual(bar.min);
      expect(conversation.accuracy).toBeGreaterThanOrEqual(bar.min - 0.02);
    });

    it(`GIVEN the ${set.name} set THEN no out-of-scope line is answered in any mode`, () => {
      const allowed = new Set(OUT_OF_SCOPE_ELSEWHERE[set.name] ?? []);
      for (const mode of MODES) {
        const answered = outOfScopeAnswered(runSet(set, mode, engines)).filter((line) => !allowed.has(line.split(':')[0]!));
        expect(answered, mode).toEqual([]);
      }
      // Alone, its article has nothing to route elsewhere: no exception.
      expect(outOfScopeAnswered(runSet(set, 'alone', engines))).toEqual([]);
    });

    it(`GIVEN the ${set.name} set with its article alone and with every article THEN only lines routed to another article differ`, () => {
      const alone = runSet(set, 'alone', engines);
      const all = runSet(set, 'fresh', engines);
      const failedAlone = new Set(alone.failures.map((f) => f.item.id));
      const failedAll = new Map(all.failures.map((f) => [f.item.id, f]));
      const elsewhere = (id: string) => {
        const answer = all.answers.get(id);
        return (answer?.sources ?? []).some((source) => (source as { article?: string }).article !== set.article);
      };
      const changed = [...new Set([...failedAlone, ...failedAll.keys()])].filter((id) => failedAlone.has(id) !== failedAll.has(id) && !elsewhere(id));
      expect(changed.length, changed.join(', ')).toBeLessThanOrEqual(1);
    });

    if (bar.lean) {
      it(`GIVEN a lean summary THEN at least ${bar.lean * 100}% of the ${set.name} set is right`, () => {
        const lean = runSet(set, 'lean', engines);
        console.log(formatScore(`Depeche on the ${set.name} set, lean summary`, lean, { failures: true }));
        expect(lean.accuracy).toBeGreaterThanOrEqual(bar.lean!);
      });
    }
  }
});
