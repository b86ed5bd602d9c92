/** Per-address token buckets: `perMinute` requests in a burst, refilled evenly over a minute. */
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client address is limited under. IPv4: the address. IPv6: its /64, the smallest network an ISP gives a
 * subscriber (RFC 6177), in which the client picks the low 64 bits freely (privacy extensions change them by
 * themselves); per full address a client would have 2^64 buckets. IPv4-mapped IPv6 (`::ffff:198.51.100.7`, what a
 * dual-stack socket reports) is the IPv4 address. Brackets, a port (`198.51.100.7:4711`, `[2001:db8::1]:443`, as some
 * proxies write X-Forwarded-For) and a zone (`%eth0`) are dropped. Anything else is used as it is.
 */
export function rateLimitKey(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.replace(/%.*$/, '');
  if (isIPv4(a)) return a;
  if (!isIPv6(a)) return address;
  const groups = expandIPv6(a.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 part converted). */
function expandIPv6(a: string): number[] {
  let text = a;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [b1, b2, b3, b4] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

export interface BucketResult {
  ok: boolean;
  /** Whole seconds until one request is allowed again (only when !ok). */
  retryAfter: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  /** Bucket size: `burst` when given, else `perMinute`. */
  private readonly capacity: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
    /** Most addresses tracked; beyond it refilled buckets are forgotten, then the fullest (least in debt) down to half. */
    private readonly maxKeys = 50_000,
    /** Requests allowed at once (default `perMinute`), e.g. 10 at once refilled at 10 an hour. */
    burst?: number,
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.capacity = burst ?? perMinute;
  }

  take(key: string): BucketResult {
    if (!(this.perMinute > 0)) return { ok: true, retryAfter: 0 };
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.prune(true);
      b = { tokens: this.capacity, at: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.capacity, b.tokens + Math.max(0, now - b.at) * this.refillPerMs);
      b.at = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, retryAfter: 0 };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / this.refillPerMs / 1000)) };
  }

  /** Whether `take` would allow a request now, without taking anything (for limits that charge failures only). */
  check(key: string): BucketResult {
    const b = this.buckets.get(key);
    if (!(this.perMinute > 0) || !b) return { ok: true, retryAfter: 0 };
    const tokens = Math.min(this.capacity, b.tokens + Math.max(0, this.clock() - b.at) * this.refillPerMs);
    return tokens >= 1 ? { ok: true, retryAfter: 0 } : { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.refillPerMs / 1000)) };
  }

  /**
   * Forgets buckets that have refilled completely. When `force` and that leaves the table full, it forgets more, down
   * to half of `maxKeys`: the buckets with the most tokens first, so those most in debt stay. Dropping by age instead
   * let a client with many addresses push its own empty bucket out with fresh ones, and start again with a full one.
   */
  prune(force = false): void {
    const now = this.clock();
    const tokensNow = (b: { tokens: number; at: number }) => b.tokens + Math.max(0, now - b.at) * this.refillPerMs;
    for (const [key, b] of this.buckets) {
      if (tokensNow(b) >= this.capacity) this.buckets.delete(key);
    }
    if (force && this.buckets.size >= this.maxKeys) {
      const byTokens = [...this.buckets].map(([key, b]) => ({ key, tokens: tokensNow(b) })).sort((x, y) => y.tokens - x.tokens);
      const drop = this.buckets.size - Math.floor(this.maxKeys / 2);
      for (let i = 0; i < drop; i++) this.buckets.delete(byTokens[i]!.key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
