/**
 * Helpers shared by <request-form> and <request-status> (their common chunk): the transport, and the dates and times of
 * receipts and status histories.
 */
import { html, nothing } from 'lit';
import type { LocaleId } from '../../core/locale.js';
import type { OfficeInfo } from '../../schema/request-form.js';
import type { RequestMessages } from '../../locales/request.js';
import { dateFormat, formatDate } from '../../core/format.js';
import { parseJson } from '../../core/json.js';
import { ISO_DATE, LOCAL_DATE_TIME } from '../../rules/working-days.js';

/** The Intl locale of a request's dates: British English (21 Dec 2026) for a UK form read in English, else the UI's. */
export const dateLocale = (locale: LocaleId, jurisdiction: string) => (locale == 'en' && jurisdiction == 'UK-FOIA' ? 'en-GB' : locale) as LocaleId;

/**
 * When an application was received or changed status (a receipt's `receivedAt`, a history entry's `at`), as the reader
 * expects it. Read as the deadline rules read it (localDate, src/rules/working-days.ts): a date alone (`2026-09-01`) is
 * shown as a date, with no time the server never gave; a date-time without a zone (`2026-09-30T10:00:00`) is the
 * agency's clock time and is shown as given, wherever the reader is; an instant (`…Z`, `…+08:00`) is shown in the
 * agency's time zone `timeZone`, named when it is not the reader's. Other text is returned as it is.
 */
export function formatDateTime(value: string | null | undefined, locale: LocaleId, timeZone: string): string {
  if (!value || ISO_DATE.test(value)) return formatDate(value, locale);
  const local = LOCAL_DATE_TIME.test(value);
  // A clock time is formatted as the UTC instant with the same digits, in UTC: nothing shifts it.
  const d = new Date(local ? `${value.replace(' ', 'T')}Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  const shown = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: local ? 'UTC' : timeZone }).format(d);
  // A reader in another time zone is told whose clock it is (10:00 中国标准时间 / 10:00 AM China Standard Time), as Intl's
  // own full time style writes it; a reader in the agency's zone is not (asked each time, not cached: laptops travel). (A clock time's d is a few hours off the
  // instant: its zone's name can be wrong only within hours of a daylight-saving change.)
  return new Intl.DateTimeFormat().resolvedOptions().timeZone == timeZone ? shown
    : `${shown} ${dateFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(d).find((p) => p.type == 'timeZoneName')!.value}`;
}

/**
 * Whom to contact (联系办理机关) and how: the office's details the feed gives (marked with the feed's `lang`), with `note`
 * after the heading; nothing when it gives none. Said where the status asks for it, and where the form cannot go on.
 */
export const officeDetails = (t: RequestMessages, o: OfficeInfo = {}, lang: unknown, note: unknown = nothing, level?: 3) => {
  const rows = (['name', 'address', 'postcode', 'hours', 'phone', 'email'] as const).filter((k) => o[k]);
  // A level 3 heading where the block follows an h2 (the form's title, the receipt's, the paper form's), not one under an h3.
  return rows.length ? html`<h4 aria-level=${level ?? nothing}>${t.contactTitle}</h4>${note}
    <dl class="answers" part="office">${rows.map((k) => html`<div><dt>${t.officeLabels[k]}</dt><dd dir=auto lang=${lang}>${o[k]}</dd></div>`)}</dl>` : nothing;
};

/** True when personal data must not go to `url`: plain http to anything but this computer. */
export function insecureEndpoint(url: string): boolean {
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  } catch {
    return true;
  }
}

/**
 * `retryAfter`: the seconds of a `Retry-After` header (429, 503), when the server sent one. `moved`: the answer came
 * from another URL than the one posted to (redirected there: a Wi-Fi login page, a sign-in page).
 */
export interface PostResult { status: number; json: unknown; retryAfter?: number; moved?: boolean }

/**
 * POSTs with XMLHttpRequest, so an upload reports progress. Never rejects: a network failure or timeout is
 * `status: 0`. `headers` are sent as given (the caller asks for JSON with `Accept`). `timeout` limits silence, not the
 * whole exchange: a large upload on a slow line takes longer, and would be given up and sent again for ever. It counts
 * from the send, then from the last progress (the upload's last comes at its end, while the answer is awaited).
 */
export function post(
  url: string, body: FormData | string, headers: Record<string, string>, onProgress: (fraction: number) => void, timeout = 120000,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('POST', url);
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    let timer: ReturnType<typeof setTimeout>;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => x.abort(), timeout);
    };
    // (An old page's cross-browser XMLHttpRequest shim has no upload: no bar, and the application is still sent.)
    if (x.upload) x.upload.onprogress = (e) => {
      alive();
      body instanceof FormData && e.lengthComputable && onProgress(e.loaded / e.total);
    };
    // The answer arriving is progress too. The last timer is left to run out: abort() after the end does nothing.
    x.onprogress = alive;
    x.onload = () => {
      let json: unknown = null;
      try {
        // Bidirectional controls dropped from its strings, as from feeds ("Trojan Source"): an override in the
        // receipt would reverse the query code and the dates shown after it.
        json = parseJson(x.responseText);
      } catch {
        /* not JSON */
      }
      const after = Number(x.getResponseHeader('Retry-After') ?? NaN);
      // (`url` is absolute, the feed's endpoint resolved. responseURL has no fragment: an endpoint with one is "moved".)
      resolve({ status: x.status, json, retryAfter: after >= 0 ? after : undefined, moved: x.responseURL != url });
    };
    x.onerror = x.onabort = () => resolve({ status: 0, json: null });
    alive();
    x.send(body);
  });
}
