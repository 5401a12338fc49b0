import type { Store, UnansweredQuestion, VoteTally } from '../store/types.ts';

/** What maintainers act on: what Depeche refused, and what people said of its answers. Never a user id. */
export interface Report {
  /** Where it was read from ("data/depeche.sqlite"). */
  store: string;
  /** Most asked first. */
  refused: { question: string; count: number; firstSeen: string; lastSeen: string }[];
  /** Most "not helpful" votes first. */
  notHelpful: RatedAnswerReport[];
  /** Most "helpful" votes first. */
  helpful: RatedAnswerReport[];
}

export interface RatedAnswerReport {
  question: string;
  /** The ids of the summary entries the answer rested on. */
  entries: string[];
  articles: string[];
  lang: 'en' | 'fr';
  helpful: number;
  notHelpful: number;
  lastVoted: string;
}

export async function collectReport(store: Store, limit: number): Promise<Report> {
  const [refused, notHelpful, helpful] = await Promise.all([store.listUnanswered(limit), store.listVotes({ helpful: false, limit }), store.listVotes({ helpful: true, limit })]);
  return { store: store.location, refused: refused.map(refusedOf), notHelpful: notHelpful.map(ratedOf), helpful: helpful.map(ratedOf) };
}

/** An empty report, for a store that does not exist yet. */
export function emptyReport(store: string): Report {
  return { store, refused: [], notHelpful: [], helpful: [] };
}

const refusedOf = (q: UnansweredQuestion) => ({ question: q.text, count: q.count, firstSeen: iso(q.firstSeen), lastSeen: iso(q.lastSeen) });
const ratedOf = (t: VoteTally): RatedAnswerReport => ({ ...t, lastVoted: iso(t.lastVoted) });
const iso = (ms: number) => new Date(ms).toISOString();

/** The report for a person: three sections, counts right-aligned under their headings. */
export function formatReport(report: Report): string {
  const refused = section(
    'Questions refused, most asked first',
    ['asked', 'last seen (UTC)'],
    report.refused.map((q) => ({ counts: [q.count, minute(q.lastSeen)], text: printable(q.question) })),
  );
  const rated = (title: string, first: 'notHelpful' | 'helpful', rows: RatedAnswerReport[]) =>
    section(
      title,
      first === 'notHelpful' ? ['not helpful', 'helpful'] : ['helpful', 'not helpful'],
      rows.map((t) => ({
        counts: first === 'notHelpful' ? [t.notHelpful, t.helpful] : [t.helpful, t.notHelpful],
        text: `${printable(t.question)}\n  answered from: ${t.entries.join(', ')} (${t.articles.join(', ')})`,
      })),
    );
  return [
    `Depeche report: ${report.store}`,
    refused,
    rated('Answers marked not helpful, most marked first', 'notHelpful', report.notHelpful),
    rated('Answers marked helpful, most marked first', 'helpful', report.helpful),
  ].join('\n\n');
}

function section(title: string, headings: string[], rows: { counts: (number | string)[]; text: string }[]): string {
  if (!rows.length) return `${title}: none.`;
  const widths = headings.map((heading, i) => Math.max(heading.length, ...rows.map((row) => String(row.counts[i]).length)));
  // Counts right-aligned, dates left-aligned, as in a spreadsheet.
  const align = (i: number, text: string) => (typeof rows[0]!.counts[i] === 'number' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const cells = (values: (number | string)[]) => values.map((value, i) => align(i, String(value))).join('  ');
  const indent = ' '.repeat(widths.reduce((sum, width) => sum + width + 2, 0));
  const lines = rows.map((row) => {
    const [first, ...more] = row.text.split('\n');
    return [`${cells(row.counts)}  ${first}`, ...more.map((line) => `${indent}${line.trimStart()}`)].join('\n');
  });
  return [`${title}:`, `${cells(headings)}  question`, ...lines].join('\n');
}

/** Questions are what users typed: no escape sequence or direction override of theirs reaches the maintainer's terminal. */
const printable = (text: string) => text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');

const minute = (isoTime: string) => isoTime.slice(0, 16).replace('T', ' ');
