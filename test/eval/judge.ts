// Judges one bot answer against one item of the public evaluation set. Pure: no I/O, no clock.
//
// - "answer":   answered, in the question's language, with at least one source, and the folded text
//               holds one alternative of every `mustContain` group.
// - "refuse":   not answered (the question is outside the article).
// - "not_said": answered, in the question's language, saying the article does not give it
//               ("The article does not say …" / "L'article ne dit pas …"), and inventing no figure:
//               unless the item has `mustContain` (whose groups must then match too), the text may
//               hold no number of two digits or more.
//
// Folding: lower case, accents stripped, typographic apostrophes made straight, hyphens and dashes
// made spaces, and the separators of digit groups (' ’ , . space, no-break spaces) removed, so
// 25'000 = 25 000 = 25,000 = 25000. An alternative matches where it starts a word ("iran" matches
// "pro-iranian", "rebel" matches "rebels", not "arebel"); a numeric alternative must also end the
// number ("6" does not match "2016" or "65").

export type Lang = 'en' | 'fr';
export type Expect = 'answer' | 'refuse' | 'not_said';

export interface EvalItem {
  id: string;
  lang: Lang;
  question: string;
  expect: Expect;
  /** Groups of alternatives: every group must be matched by at least one of its alternatives. */
  mustContain?: string[][];
  note?: string;
}

/** The part of an engine answer that is judged (the engine's `Answer` fits it). */
export interface EvalAnswer {
  answered: boolean;
  text: string;
  lang: string;
  sources: readonly unknown[];
}

export interface Verdict {
  pass: boolean;
  reason?: string;
}

export const EXPECTS: readonly Expect[] = ['answer', 'not_said', 'refuse'];
export const LANGS: readonly Lang[] = ['en', 'fr'];

const DIGIT_GROUP_SEPARATOR = /(?<=\d)['.,\s](?=\d{3}(?!\d))/g;

/** Lower case, no accents, straight apostrophes, hyphens as spaces, no separators inside numbers. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[-\u2010\u2011\u2012\u2013\u2014\u2212]/g, ' ')
    .replace(DIGIT_GROUP_SEPARATOR, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Does `alternative` occur in the already folded `folded` text, starting a word? */
export function containsAlternative(folded: string, alternative: string): boolean {
  const needle = fold(alternative);
  if (needle === '') return false;
  const endsWithDigit = /\d$/.test(needle);
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
    const before = at === 0 ? '' : folded[at - 1]!;
    if (before !== '' && WORD_CHAR.test(before)) continue;
    const after = folded[at + needle.length] ?? '';
    if (endsWithDigit && /\d/.test(after)) continue;
    return true;
  }
  return false;
}

/** The first group none of whose alternatives occurs, or undefined when every group is matched. */
export function missingGroup(text: string, groups: readonly (readonly string[])[]): readonly string[] | undefined {
  const folded = fold(text);
  return groups.find((group) => !group.some((alternative) => containsAlternative(folded, alternative)));
}

/** "The article does not say …" / "L'article ne dit pas …" and their usual variants (on folded text). */
export const SAYS_NOT_GIVEN = new RegExp(
  [
    "\\b(does not|doesn't|do not|don't|did not|didn't) (say|give|mention|specify|state|name|report|indicate|provide|identify|tell|detail|reveal)\\b",
    '\\bnot (say|said|mention|specif|given|stated|reported|named|identified|provided|indicated|disclosed)',
    '\\bgives no\\b',
    '\\bno (death )?toll\\b',
    "\\bne (le |la |l'|les |nous )?(dit|precise|indique|mentionne|donne|nomme|cite|identifie|fournit|detaille|revele) (pas|aucun|rien)",
    "\\bn'(indique|evoque|identifie|avance|donne|explique|est pas precise|est pas dit|est pas indique|est pas mentionne)",
    '\\baucun bilan\\b',
    '\\bpas de bilan\\b',
    '\\bsans (le )?preciser\\b',
  ].join('|'),
);

const INVENTED_NUMBER = /\d{2,}/;

export function judge(item: EvalItem, answer: EvalAnswer): Verdict {
  const folded = fold(answer.text);
  switch (item.expect) {
    case 'refuse':
      return answer.answered ? fail('answered an out-of-scope question') : { pass: true };
    case 'answer': {
      if (!answer.answered) return fail('refused an answerable question');
      if (answer.lang !== item.lang) return fail(`answered in "${answer.lang}", asked in "${item.lang}"`);
      if (answer.sources.length === 0) return fail('answer without a source');
      const missing = missingGroup(answer.text, item.mustContain ?? []);
      if (missing) return fail(`missing one of: ${missing.join(' | ')}`);
      return { pass: true };
    }
    case 'not_said': {
      if (!answer.answered) return fail('refused an in-scope question (should say the article does not give it)');
      if (answer.lang !== item.lang) return fail(`answered in "${answer.lang}", asked in "${item.lang}"`);
      if (!SAYS_NOT_GIVEN.test(folded)) return fail('does not say that the article does not give it');
      if (item.mustContain && item.mustContain.length > 0) {
        const missing = missingGroup(answer.text, item.mustContain);
        if (missing) return fail(`missing one of: ${missing.join(' | ')}`);
      } else {
        const number = INVENTED_NUMBER.exec(folded);
        if (number) return fail(`gives a number (${number[0]}) the article does not give`);
      }
      return { pass: true };
    }
  }
}

function fail(reason: string): Verdict {
  return { pass: false, reason };
}

export interface Tally {
  total: number;
  passed: number;
  accuracy: number;
}

export interface Failure {
  item: EvalItem;
  answer: EvalAnswer;
  reason: string;
}

export interface Score extends Tally {
  byExpect: Record<Expect, Tally>;
  byLang: Record<Lang, Tally>;
  /** Out-of-scope items that got an answer (the worst kind of failure). */
  answeredRefusals: number;
  failures: Failure[];
  /** Every answer, by item id. */
  answers: Map<string, EvalAnswer>;
}

/** Asks every item with `answerFn` and judges each answer. */
export function score(items: readonly EvalItem[], answerFn: (item: EvalItem) => EvalAnswer): Score {
  const counts = new Map<string, { total: number; passed: number }>();
  const bump = (key: string, pass: boolean) => {
    const c = counts.get(key) ?? { total: 0, passed: 0 };
    c.total += 1;
    if (pass) c.passed += 1;
    counts.set(key, c);
  };
  const failures: Failure[] = [];
  const answers = new Map<string, EvalAnswer>();
  let answeredRefusals = 0;
  for (const item of items) {
    const answer = answerFn(item);
    answers.set(item.id, answer);
    const verdict = judge(item, answer);
    bump('all', verdict.pass);
    bump(`expect:${item.expect}`, verdict.pass);
    bump(`lang:${item.lang}`, verdict.pass);
    if (item.expect === 'refuse' && answer.answered) answeredRefusals += 1;
    if (!verdict.pass) failures.push({ item, answer, reason: verdict.reason ?? 'failed' });
  }
  const tally = (key: string): Tally => {
    const c = counts.get(key) ?? { total: 0, passed: 0 };
    return { ...c, accuracy: c.total === 0 ? 0 : c.passed / c.total };
  };
  return {
    ...tally('all'),
    byExpect: { answer: tally('expect:answer'), refuse: tally('expect:refuse'), not_said: tally('expect:not_said') },
    byLang: { en: tally('lang:en'), fr: tally('lang:fr') },
    answeredRefusals,
    failures,
    answers,
  };
}
