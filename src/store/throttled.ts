/**
 * `run` at most once per `intervalMs` of the times it is given, else nothing: cleaning up expired rows need not
 * happen on every call.
 */
export function throttled<T>(intervalMs: number, run: (now: number) => T): (now: number) => T | undefined {
  let last = -Infinity;
  return (now) => {
    if (now - last < intervalMs) return undefined;
    last = now;
    return run(now);
  };
}
