import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RequestOutcome } from '../core/depeche.ts';

export const METRICS_PATH = '/metrics';

/** What the bot counts, for Prometheus (`GET /metrics` on HEALTH_PORT). Queries for Grafana: docs/production.md. */
export interface Metrics {
  /** A question or command done: its time, by platform and command, and its outcome. */
  request(event: { command: string; userKey: string; outcome: RequestOutcome; ms: number }): void;
  vote(helpful: boolean): void;
  briefing(outcome: 'posted' | 'failed'): void;
  storeError(): void;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  text(): Promise<string>;
}

/** `discord:123…` → `discord`: the platform from the requester's key (the terminal and the CLI have their own). */
const platformOf = (userKey: string): string => {
  const colon = userKey.indexOf(':');
  return colon > 0 ? userKey.slice(0, colon) : 'other';
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Heap, event-loop lag, GC, RSS, open handles: Node's own, under `process_` and `nodejs_`.
  collectDefaultMetrics({ register: registry });
  const seconds = new Histogram({
    name: 'depeche_answer_seconds',
    help: 'Time to answer a question or run a command, by platform and command (adapters add the platform round trip)',
    labelNames: ['platform', 'command'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'depeche_requests_total',
    help: 'Questions and commands by platform and outcome: answered, refused (outside the articles), rate_limited, too_long, other',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const votes = new Counter({ name: 'depeche_votes_total', help: 'Votes on answers, by whether they found them helpful', labelNames: ['helpful'], registers: [registry] });
  const briefings = new Counter({ name: 'depeche_briefings_total', help: 'Scheduled briefings, posted or failed', labelNames: ['outcome'], registers: [registry] });
  const storeErrors = new Counter({ name: 'depeche_store_errors_total', help: 'Writes of questions, answers and votes that failed (kept for a retry)', registers: [registry] });

  return {
    request({ command, userKey, outcome, ms }) {
      const platform = platformOf(userKey);
      seconds.observe({ platform, command }, ms / 1000);
      requests.inc({ platform, outcome: outcome.replace('-', '_') });
    },
    vote: (helpful) => votes.inc({ helpful: String(helpful) }),
    briefing: (outcome) => briefings.inc({ outcome }),
    storeError: () => storeErrors.inc(),
    text: () => registry.metrics(),
    handle: (_req, res) => {
      registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    },
  };
}
