/**
 * A platform could not be reached at start (no network, a mistyped URL, a server that is down): an expected
 * failure, so `npm start` prints its message as one line, without a stack.
 */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** The network mistakes worth naming, in plain words. */
const PROBLEMS: Record<string, (error: { hostname?: string; address?: string; port?: number }) => string> = {
  ECONNREFUSED: () => 'connection refused (is the server running, and the port right?)',
  ENOTFOUND: (error) => `the host name${error.hostname ? ` ${error.hostname}` : ''} cannot be resolved (no network, or a mistyped address?)`,
  EAI_AGAIN: (error) => `the host name${error.hostname ? ` ${error.hostname}` : ''} cannot be resolved right now (no network?)`,
  ETIMEDOUT: () => 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: () => 'the connection timed out',
  ECONNRESET: () => 'the connection was reset',
  EHOSTUNREACH: () => 'the host cannot be reached (no route to it)',
  ENETUNREACH: () => 'the network cannot be reached (no network?)',
};

/**
 * What went wrong on the network, in plain words, or undefined when `error` is something else. Libraries wrap the
 * system error (Slack's client in `original`, fetch in `cause`, a failed connection to several addresses in
 * `errors`), so the whole chain is searched.
 */
export function networkProblem(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, original, errors } = error as { code?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  if (typeof code === 'string' && PROBLEMS[code]) return PROBLEMS[code](error as { hostname?: string });
  for (const inner of [cause, original, ...(Array.isArray(errors) ? errors : [])]) {
    const found = networkProblem(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The network problem in plain words, else the message of the innermost error (fetch's "bad port"). */
export function describeNetworkError(error: unknown): string {
  const problem = networkProblem(error);
  if (problem) return problem;
  let inner = error as { cause?: unknown; original?: unknown; message?: unknown } | undefined;
  for (let depth = 0; depth < 6 && (inner?.cause ?? inner?.original); depth++) inner = (inner.cause ?? inner.original) as typeof inner;
  return typeof inner?.message === 'string' ? inner.message : String(error);
}
