import type { Depeche } from '../core/depeche.ts';
import { detectLanguage } from '../engine/language.ts';
import { messages } from '../core/messages.ts';
import { plainReply } from '../core/reply.ts';
import { InFlight } from './in-flight.ts';

/** A Depeche that can stop taking questions: what adapters are given, so that a shutdown can close it. */
export interface Gate {
  depeche: Depeche;
  /** Work the adapters have in hand (answers being produced and posted). */
  inFlight: InFlight;
  readonly closed: boolean;
  /** From now on every question and command gets a short private "shutting down" reply. */
  close(): void;
}

export function gate(inner: Depeche, inFlight = new InFlight()): Gate {
  let closed = false;
  const depeche: Depeche = {
    get commands() {
      return inner.commands;
    },
    knowledge: () => inner.knowledge(),
    suggest: (partial, options) => inner.suggest(partial, options),
    suggestArticles: (partial, options) => inner.suggestArticles(partial, options),
    replaceKnowledge: (next) => inner.replaceKnowledge(next),
    ask(question, who) {
      if (closed) return Promise.resolve(refusal(question, who.lang));
      return inFlight.track(inner.ask(question, who));
    },
    run(name, args, who) {
      if (closed) return Promise.resolve(refusal(Object.values(args).join(' '), who.lang));
      return inFlight.track(inner.run(name, args, who));
    },
    get rates() {
      return inner.rates;
    },
    feedback(click, who) {
      // The store closes right after the platforms: a vote now might not be recorded.
      if (closed) return Promise.resolve(plainReply(click.lang, messages[click.lang].shuttingDown, { private: true }));
      return inFlight.track(inner.feedback(click, who));
    },
  };
  return {
    depeche,
    inFlight,
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
  };
}

function refusal(text: string, fallback: 'en' | 'fr' | undefined) {
  const lang = detectLanguage(text, fallback ?? 'en');
  return plainReply(lang, messages[lang].shuttingDown, { private: true });
}
