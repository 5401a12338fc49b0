// Runs every evaluation set in every mode a reader meets: each question fresh, the whole set as one conversation,
// out-of-scope questions right after an answered one ("primed"), a lean summary, and the set's article loaded alone.
// Shared by the eval test (which asserts the bars) and `npm run eval` (which prints the table).
import { answerSession } from '../../src/core/answer-session.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { leanKnowledge } from '../../src/knowledge/lean.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { loadConversationSet, type ConversationSet } from './conversation-set.ts';
import { score, type EvalItem, type Score } from './judge.ts';
import { evalSetPath, loadPublicSet, PUBLIC_SET_ARTICLE } from './public-set.ts';

export type Mode = 'fresh' | 'conversation' | 'primed' | 'lean' | 'alone';
export const MODES: readonly Mode[] = ['fresh', 'conversation', 'primed', 'lean', 'alone'];

export interface EvalSet {
  name: string;
  article: string;
  /** Flat sets: questions asked one by one. Conversation sets: lines grouped in conversations. */
  items?: EvalItem[];
  conversations?: ConversationSet['conversations'];
  /** The first run, recorded before any change was made for it (percent, conversations mode for conversation sets). */
  firstRun?: number;
}

export function loadSets(): EvalSet[] {
  const flat = (name: string, file: string, article = PUBLIC_SET_ARTICLE, firstRun?: number): EvalSet => ({ name, article, items: loadPublicSet(evalSetPath(file)), firstRun });
  const conversational = (name: string, file: string, firstRun: number): EvalSet => {
    const set = loadConversationSet(evalSetPath(file));
    return { name, article: set.article, conversations: set.conversations, firstRun };
  };
  return [
    flat('public', 'public-set.json'),
    flat('second', 'second-set.json', PUBLIC_SET_ARTICLE, 82),
    flat('third', 'third-set.json', PUBLIC_SET_ARTICLE, 81),
    flat('blind', 'blind-set.json', PUBLIC_SET_ARTICLE, 87.5),
    flat('final', 'final-set.json', PUBLIC_SET_ARTICLE, 95),
    flat('sixth', 'sixth-set.json', PUBLIC_SET_ARTICLE, 87),
    flat('seventh', 'seventh-set.json', PUBLIC_SET_ARTICLE, 88.5),
    flat('Notre-Dame', 'notre-dame-set.json', 'notre-dame-reopening', 72.6),
    conversational('Syria conversations', 'syria-conversations.json', 63.3),
    conversational('Notre-Dame conversations', 'notre-dame-conversations.json', 54.7),
  ];
}

/** The knowledge with only one article (a set's own), as an editor would run it alone. */
export function aloneKnowledge(knowledge: Knowledge, article: string): Knowledge {
  const only = knowledge.articles.find((a) => a.id === article);
  if (!only) throw new Error(`no article "${article}" in the knowledge`);
  return { articles: [only], newest: only };
}

/** One set in one mode. */
export function runSet(set: EvalSet, mode: Mode, engines: { all: Engine; lean: Engine; alone: (article: string) => Engine }): Score {
  const engine = mode === 'lean' ? engines.lean : mode === 'alone' ? engines.alone(set.article) : engines.all;
  if (set.items) return runFlat(set.items, mode, engine);
  return runConversations(set.conversations!, mode, engine);
}

function runFlat(items: readonly EvalItem[], mode: Mode, engine: Engine): Score {
  if (mode === 'conversation') {
    const session = answerSession(engine);
    return score(items, (item) => session.ask(item.question));
  }
  if (mode === 'primed') {
    // Every question right after another one of the set that is answered: context must never answer a new question.
    const answerable = items.filter((item) => item.expect === 'answer');
    return score(items, (item) => {
      const session = answerSession(engine);
      session.ask(answerable[(items.indexOf(item) * 7) % answerable.length]!.question);
      return session.ask(item.question);
    });
  }
  return score(items, (item) => answerSession(engine).ask(item.question));
}

function runConversations(conversations: ConversationSet['conversations'], mode: Mode, engine: Engine): Score {
  const lines = conversations.flatMap((conversation) => conversation.turns);
  const answers = new Map<EvalItem, ReturnType<ReturnType<typeof answerSession>['ask']>>();
  const one = answerSession(engine);
  conversations.forEach((conversation, c) => {
    const session = mode === 'conversation' ? one : answerSession(engine);
    if (mode === 'primed') {
      // Each conversation starts right after an answered line of another one.
      const before = conversations[(c + 7) % conversations.length]!.turns.find((turn) => turn.expect === 'answer');
      if (before) session.ask(before.question);
    }
    for (const turn of conversation.turns) answers.set(turn, session.ask(turn.question));
  });
  return score(lines, (item) => answers.get(item)!);
}

/** The engines every mode needs, built once. */
export function evalEngines(knowledgeDir = 'knowledge') {
  const knowledge = loadKnowledge(knowledgeDir);
  const alone = new Map<string, Engine>();
  return {
    knowledge,
    all: createEngine(knowledge),
    lean: createEngine(leanKnowledge(knowledge)),
    alone: (article: string) => {
      let engine = alone.get(article);
      if (!engine) alone.set(article, (engine = createEngine(aloneKnowledge(knowledge, article))));
      return engine;
    },
  };
}
