/** One piece of article.txt, with where it sits in it: `source.slice(start, end) === text`. */
export interface Piece {
  text: string;
  start: number;
  end: number;
  /**
   * `sentence`: something the article says, worth a fact. `heading`: a line without final punctuation
   * (a headline, a subtitle, a "Read more" link). `credit`: the agency line ("agences/jvia", "(AFP)").
   */
  kind: 'sentence' | 'heading' | 'credit';
}

const SPACE = '[\\s\\u00a0\\u202f]';
/** A sentence ends at . ! ? or …, with any closing quotes or brackets, before a space and a capital, digit or opening quote. */
const BOUNDARY = new RegExp(`[.!?…]+(?:${SPACE}?[»"”’)])*(?=${SPACE}+["«“(]?${SPACE}?[\\p{Lu}\\d])`, 'gu');
/** Words a full stop follows without ending the sentence (M. Dupont, Dr. Smith, U.S. forces). */
const ABBREVIATIONS = new Set(
  'm mm mme mmes mlle dr mr mrs ms st ste jr sr prof gen gén col lt capt sgt gov sen rep no n° nos etc cf vs av env p pp art ch vol ed éd'.split(' '),
);
const CREDIT = /^(?:\(?(?:afp|ap|reuters|ats|dpa|ansa|efe|belga|keystone-ats|upi|xinhua)\)?|[\p{L}.\- ]{1,40}\/[\p{L}.-]{1,20}|©.*)$/iu;
const FINAL = /[.!?…:;»"”)]$/u;

/**
 * Cuts article.txt into sentences, headings and credit lines, in order. Lines are the paragraphs of an agency
 * report; a line without final punctuation is a heading, a short line like "Reuters/ab" a credit.
 */
export function splitArticle(source: string): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const start = lineStart + line.indexOf(trimmed);
    if (CREDIT.test(trimmed)) pieces.push({ text: trimmed, start, end: start + trimmed.length, kind: 'credit' });
    else if (!FINAL.test(trimmed) || trimmed.startsWith('>>')) pieces.push({ text: trimmed, start, end: start + trimmed.length, kind: 'heading' });
    else pieces.push(...sentencesOf(trimmed, start));
  }
  return pieces;
}

function sentencesOf(line: string, lineStart: number): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of line.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    // '"C'est un jour historique. Nous avons…", a déclaré…': words quoted over several sentences stay with who said them.
    if (insideQuote(line.slice(from, end))) continue;
    const before = /([\p{L}.°]+)[.]$/u.exec(line.slice(from, match.index + 1))?.[1] ?? '';
    // "M. Dupont", "U.S. troops": a stop after an abbreviation or a single capital does not end the sentence.
    if (match[0].startsWith('.') && match[0].length === 1 && (ABBREVIATIONS.has(before.toLowerCase()) || /^(?:\p{Lu}\.?)+$/u.test(before))) continue;
    pieces.push(piece(line, from, end, lineStart));
    from = end;
    while (from < line.length && /[\s\u00a0\u202f]/.test(line[from]!)) from += 1;
  }
  if (from < line.length) pieces.push(piece(line, from, line.length, lineStart));
  return pieces;
}

/** Whether a quotation opened in `text` is still open at its end (straight quotes counted, « » and “ ” paired). */
function insideQuote(text: string): boolean {
  let straight = 0;
  let open = 0;
  for (const c of text) {
    if (c === '"') straight += 1;
    else if (c === '«' || c === '“') open += 1;
    else if (c === '»' || c === '”') open -= 1;
  }
  return straight % 2 === 1 || open > 0;
}

function piece(line: string, from: number, to: number, lineStart: number): Piece {
  const text = line.slice(from, to).trimEnd();
  return { text, start: lineStart + from, end: lineStart + from + text.length, kind: 'sentence' };
}

/** A sentence worth a fact: the article's own words, long enough to say something. */
export function isInformative(piece: Piece): boolean {
  return piece.kind === 'sentence' && (piece.text.match(/[\p{L}\d][\p{L}\p{M}\d'’-]*/gu) ?? []).length >= 4;
}
