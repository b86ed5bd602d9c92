/** Transport helpers shared by <request-form> and <request-status>. */

/** True when personal data must not go to `url`: plain http to anything but this computer. */
export function insecureEndpoint(url: string): boolean {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  } catch {
    return true;
  }
}

/** `retryAfter`: the seconds of a `Retry-After` header (429, 503), when the server sent one. */
export interface PostResult { status: number; json: unknown; retryAfter?: number }

/**
 * POSTs with XMLHttpRequest, so an upload reports progress. Never rejects: a network failure or timeout is
 * `status: 0`.
 */
export function post(
  url: string, body: FormData | string, headers: Record<string, string>, onProgress: (fraction: number) => void, timeout = 120000,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    for (const [k, v] of Object.entries({ Accept: 'application/json', ...headers })) x.setRequestHeader(k, v);
    x.timeout = timeout;
    if (body instanceof FormData) x.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    x.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(x.responseText);
      } catch {
        /* not JSON */
      }
      const after = Number(x.getResponseHeader('Retry-After') ?? NaN);
      resolve({ status: x.status, json, retryAfter: after >= 0 ? after : undefined });
    };
    x.onerror = x.ontimeout = x.onabort = () => resolve({ status: 0, json: null });
    x.send(body);
  });
}
