import { describe, expect, it } from 'vitest';
import { emptyReport, formatReport } from '../../src/report/report.ts';

describe('formatReport', () => {
  it('GIVEN nothing recorded THEN each section says none', () => {
    expect(formatReport(emptyReport('data/depeche.sqlite'))).toBe(
      [
        'Depeche report: data/depeche.sqlite',
        '',
        'Questions refused, most asked first: none.',
        '',
        'Answers marked not helpful, most marked first: none.',
        '',
        'Answers marked helpful, most marked first: none.',
      ].join('\n'),
    );
  });

  it('GIVEN questions holding escape sequences or direction overrides THEN none reaches the terminal', () => {
    const at = '2026-11-30T08:00:00.000Z';
    const text = formatReport({
      ...emptyReport('s'),
      refused: [{ question: 'who \u001b[2J\u001b]8;;http://x\u0007won\u202e', count: 1, firstSeen: at, lastSeen: at }],
      notHelpful: [{ question: 'how many\u0000 left', entries: ['evacuees'], articles: ['a'], lang: 'en', helpful: 0, notHelpful: 1, lastVoted: at }],
    });
    for (const line of text.split('\n')) expect(line).not.toMatch(/[\p{Cc}\u202a-\u202e]/u);
    expect(text).toContain('    1  2026-11-30 08:00  who \uFFFD[2J\uFFFD]8;;http://x\uFFFDwon\uFFFD');
    expect(text).toContain('how many\uFFFD left');
  });
});
