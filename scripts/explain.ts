// Shows how the engine reads a question: its terms and their weights, the kind of question, and the
// entries that scored best. For maintainers tuning the knowledge: `npm run explain -- "question"`.
import { analyze } from '../src/engine/analyze.ts';
import { articleTexts, buildDocs } from '../src/engine/documents.ts';
import { DocIndex, rank } from '../src/engine/match.ts';
import { Vocabulary } from '../src/engine/vocabulary.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

const knowledge = loadKnowledge('knowledge');
const vocabulary = new Vocabulary(knowledge.articles, articleTexts);
const docs = buildDocs(knowledge.articles, vocabulary);
const index = new DocIndex(docs);
for (const question of process.argv.slice(2)) {
  const query = analyze(question, vocabulary, 'en');
  console.log(`\n${question}\n  words: ${vocabulary.normalizeWords(question).join(' ')}`);
  console.log(`  type: ${query.type ?? '-'}  lang: ${query.lang}${query.langGuessed ? ' (guessed)' : ''}  summary: ${query.wantsSummary}  follow-up: ${query.followUp}`);
  console.log(`  terms: ${query.terms.map((t) => `${t.text}[${t.concepts.join('|') || '?'}]=${index.weight(t).toFixed(2)}`).join('  ')}`);
  for (const s of rank(query, index).slice(0, 5)) {
    console.log(`  ${s.score.toFixed(3)} cov ${s.coverage.toFixed(2)}  ${s.doc.entry.kind}:${s.doc.id}`);
  }
}
