/**
 * What stands in front of Bolt's HTTP receiver on /slack/events. Bolt reads a whole body (up to 4 MB by default)
 * before it checks the signature, so unsigned uploads could fill memory; it refuses only old timestamps, not ones from
 * the future; and a signed body of JSON `null` makes its receiver throw outside any handler. Here, before any of that:
 * a timestamp within five minutes either way, at most `maxBodies` bodies being read at once, each at most `maxBytes`
 * and read within `readMs`, and a body that is an object. The buffered body is handed on as `rawBody`, which Bolt
 * uses as is (it then checks the signature as before).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export interface RequestLimits {
  /** Slack's own payloads are a few kilobytes; a big modal submission stays far under this. */
  maxBytes: number;
  /** Bodies read at once before their signature can be checked: beyond, a request is turned away at once (503). */
  maxBodies: number;
  /** A body that takes longer to arrive is dropped (408): a slow sender must not hold a slot. */
  readMs: number;
  /** How far a request's timestamp may be from now, either way (Slack: five minutes). */
  skewSeconds: number;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({ maxBytes: 512 * 1024, maxBodies: 32, readMs: 5000, skewSeconds: 5 * 60 });

export interface GuardCounts {
  /** Requests turned away before their signature was checked, by reason. */
  refused: Map<string, number>;
}

/** Wraps the receiver's listener: requests to `endpoints` pass the checks above first; any other path goes straight on. */
export function guardRequests(
  next: RequestListener,
  options: { endpoints: readonly string[]; limits?: Partial<RequestLimits>; now?: () => number; counts?: GuardCounts },
): RequestListener {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  let reading = 0;
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string): void => {
    options.counts?.refused.set(reason, (options.counts.refused.get(reason) ?? 0) + 1);
    if (!res.headersSent) res.writeHead(status, { connection: 'close', 'content-type': 'text/plain' });
    res.end();
    // What is left of the body is not read: the connection closes.
    req.destroy();
  };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'POST' || !options.endpoints.includes(path)) return next(req, res);
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (!Number.isFinite(timestamp) || Math.abs(now() / 1000 - timestamp) > limits.skewSeconds) return refuse(req, res, 401, 'timestamp');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBytes) return refuse(req, res, 413, 'too large');
    if (reading >= limits.maxBodies) return refuse(req, res, 503, 'busy');
    reading += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      reading -= 1;
      clearTimeout(timer);
      return true;
    };
    const timer = setTimeout(() => finish() && refuse(req, res, 408, 'slow body'), limits.readMs);
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limits.maxBytes) {
        if (finish()) refuse(req, res, 413, 'too large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish());
    req.on('close', () => finish());
    req.on('end', () => {
      if (!finish()) return;
      const rawBody = Buffer.concat(chunks);
      if (!isObjectBody(rawBody, String(req.headers['content-type'] ?? ''))) return refuse(req, res, 400, 'not an object');
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = rawBody;
      next(req, res);
    });
  };
}

/**
 * Whether Bolt will find an object in the body: JSON that is an object, or a form whose `payload`, if any, is one.
 * Anything else is no Slack request ("null", "[1]", "payload=null").
 */
export function isObjectBody(raw: Buffer, contentType: string): boolean {
  try {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const payload = new URLSearchParams(raw.toString()).get('payload');
      return payload === null || isObject(JSON.parse(payload));
    }
    return isObject(JSON.parse(raw.toString()));
  } catch {
    return false;
  }
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
