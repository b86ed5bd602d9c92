import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DisclosureElement } from '../../core/base.js';
import { baseStyles } from '../../core/styles.js';
import { FeedController, FeedError, fetchJson } from '../../core/feed.js';
import { formatDate } from '../../core/format.js';
import { isFoia, isOverdue, localDate, unlistedYear } from '../../rules/working-days.js';
import { normalizeCode } from '../../validators/contact.js';
import { own, parseRequestForm, resolveRules, type RequestFormFeed, type StatusAnswer } from '../../schema/request-form.js';
import { FINAL_STATUSES, PAUSED_STATUSES } from '../../schema/constants/request-form.js';
import { requestStrings } from '../../locales/request.js';
import { requestFormStyles } from '../request-form/request-form.styles.js';
import { dateLocale, formatDateTime, insecureEndpoint, officeDetails } from '../request-form/net.js';

/**
 * A query code as typed or pasted: half-width, upper-case, without spaces, and without what came with it from a
 * receipt or a message (查询码：, quotes, a full stop after it).
 */
export const normalizeQueryCode = (s: string) => normalizeCode(s).replace(/^.*:|^[\p{Pi}\p{Pf}"']+|[\p{Pi}\p{Pf}"'.,;!?。、]+$/gu, '');
/** What a lookup asks (its code as sent, its name): a press with the same is the same lookup; a change while it runs stops it. */
const lookupKey = (code: string, name: string) => `${normalizeQueryCode(code)} ${name.trim()}`;

/**
 * @tagname request-status
 * @summary Looks up an application by query code (查询码) and name: status, outcome, due date, overdue, history.
 *
 * @event disclosure-load - The form feed loaded. `detail: { url, data, warnings }`.
 * @event disclosure-error - The form feed could not be loaded. `detail: { url, kind, status, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart lookup - The lookup form.
 * @csspart result - The status of the application found.
 * @csspart history - The timeline of the application.
 * @csspart office - The contact details of the office, while an application is open.
 * @csspart lookup-error - Not found, refused or network error.
 * @csspart loading - The loading state of the feed.
 * @csspart error - The feed error state.
 * @csspart retry-button - The retry button of the feed error state.
 * @csspart warning - Problems found in the form feed (the rest is used).
 *
 * @cssprop [--de-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font family of all text.
 * @cssprop [--de-font-size=medium] - Base font size.
 * @cssprop [--de-line-height=1.6] - Line height of body text.
 * @cssprop [--de-color-text=#1f1f1f] - Text.
 * @cssprop [--de-color-text-muted=#595959] - Help text and times.
 * @cssprop [--de-color-background=#ffffff] - Background.
 * @cssprop [--de-color-surface=#f5f6f7] - Hover, details and table stripes.
 * @cssprop [--de-color-border=#c4c8cc] - Borders and separators.
 * @cssprop [--de-color-field-border=#767676] - Border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-color-primary=#0b5cad] - Buttons.
 * @cssprop [--de-color-primary-contrast=#ffffff] - Text on the primary colour (primary buttons).
 * @cssprop [--de-color-focus=#c25400] - The focus outline.
 * @cssprop [--de-color-danger=#b3261e] - Errors and the overdue mark.
 * @cssprop [--de-color-danger-background=#fdecea] - Background of error panels.
 * @cssprop [--de-color-warning=#7a4b00] - Warning text and borders.
 * @cssprop [--de-color-warning-background=#fff4d6] - Background of warning panels.
 * @cssprop [--de-radius=0.25em] - Corner radius.
 * @cssprop [--de-cursor-pointer=pointer] - The cursor over buttons and links (an accessibility toolbar's 大鼠标: its hand).
 * @cssprop [--de-dark-color-text=#ececec] - Dark scheme (`theme="dark"`, or `auto` on a dark system): text.
 * @cssprop [--de-dark-color-text-muted=#b8b8b8] - Dark scheme: help text and times.
 * @cssprop [--de-dark-color-background=#16181b] - Dark scheme: background.
 * @cssprop [--de-dark-color-surface=#23272b] - Dark scheme: hover, details and table stripes.
 * @cssprop [--de-dark-color-border=#5c636a] - Dark scheme: borders and separators.
 * @cssprop [--de-dark-color-field-border=#8a9199] - Dark scheme: border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-dark-color-primary=#8cc4ff] - Dark scheme: buttons.
 * @cssprop [--de-dark-color-primary-contrast=#0b1a2a] - Dark scheme: text on the primary colour (primary buttons).
 * @cssprop [--de-dark-color-focus=#ffb347] - Dark scheme: the focus outline.
 * @cssprop [--de-dark-color-danger=#ffb4ab] - Dark scheme: errors and the overdue mark.
 * @cssprop [--de-dark-color-danger-background=#3b1512] - Dark scheme: background of error panels.
 * @cssprop [--de-dark-color-warning=#ffd27a] - Dark scheme: warning text and borders.
 * @cssprop [--de-dark-color-warning-background=#33280e] - Dark scheme: background of warning panels.
 */
export class RequestStatus extends DisclosureElement {
  static override styles = [baseStyles, requestFormStyles];
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    src: {},
    queryCode: { attribute: 'query-code' },
    today: {},
    typedCode: { state: true },
    typedName: { state: true },
    triedLookup: { state: true },
    busy: { state: true },
    statusAnswer: { state: true },
    lookupFailure: { state: true },
  };
  protected static override strings = [requestStrings];

  /** URL of the request-form feed (its `status.endpoint` is asked). */
  src?: string;

  /** Query code to fill in (when absent or empty, the page URL's `?querycode=`). */
  queryCode?: string;

  /** Today as YYYY-MM-DD for the overdue check (default: today in the jurisdiction's time zone). */
  today?: string;

  // (No initial value where none is needed: triedLookup, busy, statusAnswer and lookupFailure are read by truthiness.
  // The typed code and name keep theirs: they are trimmed and normalised.)
  private typedCode = '';
  private typedName = '';
  private triedLookup?: boolean;
  private busy?: boolean;
  /** `l`: the language it was asked in (Accept-Language), which the server's own words (a history note) came in. */
  private statusAnswer?: (StatusAnswer & { l: string; asOf: string }) | null;
  /** `text` says it in the language of the moment (said again when the language changes). */
  private lookupFailure?: { text: () => string; retry: boolean; office?: 1 } | null;

  private readonly statusFeed = new FeedController<RequestFormFeed>(this, parseRequestForm);
  /** The running lookup's: `key` is its query code and name. */
  private lookupAbort?: AbortController & { key: string };
  /**
   * Set when a lookup starts (its status line, 正在查询…, is said then); emptied by a language switch (LocaleController):
   * the line then turns to the new language without being said again.
   */
  private announcement?: unknown;

  get loaded(): Promise<void> {
    return this.updateComplete.then(() => this.statusFeed.loaded).then(() => this.updateComplete).then(() => undefined);
  }

  /** The strings in the element's language (on a US or UK FOIA form in English, FOIA's words: see scheduleUpdate). */
  private get t() {
    return requestStrings.form(this.locale, this.statusFeed.data?.jurisdiction);
  }

  /** A US or UK FOIA form in English renders once its words (a chunk of their own) have loaded. */
  protected override scheduleUpdate() {
    return requestStrings.form(this.locale, this.statusFeed.data?.jurisdiction, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('feedTimeout')) this.statusFeed.timeout = this.feedTimeout;
    if (changed.has('src') || (changed.has('provider') && this.resolveSrc(this.src) != this.statusFeed.url)) {
      void this.statusFeed.load(this.resolveSrc(this.src));
    }
    if (changed.has('queryCode') || !this.hasUpdated) {
      const fromUrl = new URLSearchParams(location.search).get('querycode');
      // An empty query-code="" (as a CMS template may write) is no value: the URL's code still fills the field.
      this.typedCode = normalizeQueryCode(this.queryCode || fromUrl || this.typedCode);
    }
  }

  private runLookup = async (e?: Event) => {
    e?.preventDefault();
    const key = lookupKey(this.typedCode, this.typedName);
    // The same lookup pressed again while it runs (a double click): it goes on. Sent again, it would count twice against
    // the lookups the server allows a code (wrong names: 10 an hour).
    if (this.busy && this.lookupAbort?.key == key) return;
    // A lookup still running is the last press's: its answer would come after this one's field errors or failure.
    this.lookupAbort?.abort();
    this.busy = false;
    this.triedLookup = true;
    this.typedCode = normalizeQueryCode(this.typedCode);
    // The last result or error belongs to the last lookup: not shown beside this one's field errors.
    this.statusAnswer = null;
    this.lookupFailure = null;
    if (!this.typedCode || !this.typedName.trim()) {
      await this.updateComplete;
      this.shadowRoot!.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const endpoint = this.statusFeed.data?.status?.endpoint;
    // No lookup here (no address, or a plain http one): one plain message (not insecureNote's 申请未发送: no application
    // is being sent), with whom to ask instead.
    if (!endpoint || insecureEndpoint(endpoint)) {
      this.lookupFailure = { text: () => this.t.noStatusEndpoint, retry: false, office: 1 };
      await this.updateComplete;
      this.shadowRoot!.getElementById('failure')?.focus();
      return;
    }
    const url = new URL(endpoint!);
    url.searchParams.set('queryCode', this.typedCode);
    url.searchParams.set('name', this.typedName.trim());
    const abort = (this.lookupAbort = Object.assign(new AbortController(), { key }));
    const from = this.shadowRoot!.activeElement;
    this.busy = this.announcement = true;
    try {
      // Asked in the element's language (zh-CN or en, a CORS-safelisted value), as <request-form> sends: a server may
      // write its own words (a history note) in it.
      const l = this.locale;
      const { json } = await fetchJson(url.href, { signal: abort.signal, timeout: this.feedTimeout, headers: { 'Accept-Language': l } });
      const a = json as StatusAnswer;
      if (!a || typeof a.status !== 'string') throw new FeedError('invalidRoot', 'not a status answer', url.href, undefined, 'status');
      // Entries that are not objects (null, a number) would throw in render and leave the page at 正在查询.
      // asOf: when it was looked up, shown with it (a page left open, or printed for the office or a reconsideration).
      this.statusAnswer = { ...a, l, asOf: new Date().toISOString(), history: Array.isArray(a.history) ? a.history.filter((h) => h && typeof h === 'object') : [] };
    } catch (error) {
      if (abort.signal.aborted) return;
      const err = error instanceof FeedError ? error : new FeedError('script', String(error), url.href);
      // A 404 or 410 that is no answer of the lookup service (which answers JSON), told by its Content-Type: a web page
      // (a wrong status.endpoint: the web server's or CMS's 404 page), plain text or XML is said as a service that answers
      // wrongly, with no retry, not as no match (an applicant told their application is not there may apply again). One
      // with no Content-Type (no body) cannot be told apart, and is taken as no match.
      const k = err.kind == 'notFound' && err.detail && !/json/.test(err.detail) ? 'http' : err.kind;
      // Too many lookups (429, e.g. wrong names one after another): what to do, not a bare refusal; no retry at once.
      // A lookup service that answers wrongly (a web page, a refusal, a server error, no status): in the applicant's
      // words, not the feed's (数据文件), and whom to ask meanwhile. A network failure or timeout: check the connection.
      this.lookupFailure = k == 'notFound' || err.status === 429
        ? { text: () => err.status === 429 ? this.t.lookupLimited : this.t.notFoundNote, retry: false }
        : k == 'network' || k == 'timeout' ? { text: () => this.t.lookupFailed + this.errorText(err), retry: true }
        : { text: () => this.t.lookupBroken, retry: k != 'http', office: 1 };
    } finally {
      if (!abort.signal.aborted) this.busy = false;
    }
    await this.updateComplete;
    // Only from where it was asked (or from what this lookup took away: the last message, where a click on 查询 leaves
    // focus in Safari): an applicant who moved on meanwhile (to correct the code) keeps typing there.
    if (!from?.isConnected || this.shadowRoot!.activeElement == from) this.shadowRoot!.getElementById(this.statusAnswer ? 'result-h' : 'failure')?.focus();
  };

  override render(): TemplateResult {
    return html`<div class=${this.rootClasses()} part="base" lang=${requestStrings.shown(this.locale)}>
      ${this.statusFeed.data ? this.renderBody(this.statusFeed.data) : this.renderFeedState(this.statusFeed, this.t.statusTitle)}
    </div>`;
  }

  private renderBody(form: RequestFormFeed): TemplateResult {
    const t = this.t;
    const codeErr = this.triedLookup && !this.typedCode ? t.errorMessages.required.replace('{label}', t.queryCodeLabel) : '';
    const nameErr = this.triedLookup && !this.typedName.trim() ? t.errorMessages.required.replace('{label}', t.lookupName) : '';
    // Neither field is spell-checked (a code, a name: no red underline); the query code (capitals and digits) is typed
    // in capitals on a phone.
    const input = (id: string, label: string, value: string, err: string, set: (v: string) => void, ac: string, help?: string) => html`
      <div class="field${err ? ' invalid' : ''}">
        <label for=${id}>${label} <span class="req">${t.requiredMark}</span></label>
        ${help ? html`<p class="help" id="${id}-help">${help}</p>` : nothing}
        ${err ? html`<p class="field-error" id="${id}-error"><span class="vh">${t.errorPrefix}</span>${err}</p>` : nothing}
        <input type="text" id=${id} .value=${value} autocomplete=${ac} spellcheck="false" aria-required="true" aria-invalid=${err ? 'true' : nothing}
          autocapitalize=${id == 'code' ? 'characters' : nothing}
          aria-describedby=${[help && `${id}-help`, err && `${id}-error`].filter(Boolean).join(' ') || nothing}
          @input=${(e: Event) => {
            set((e.target as HTMLInputElement).value);
            // A change of the code or name while a lookup runs stops it: its answer would be about what is no longer
            // typed, and would take the focus from one still typing (Enter pressed here, then typing on). Enter asks again.
            if (lookupKey(this.typedCode, this.typedName) != this.lookupAbort?.key) {
              this.lookupAbort?.abort();
              this.busy = false;
            }
          }}>
      </div>`;
    // A running lookup is said once, by the status line beside the button: the button keeps its name (a focused button
    // renamed to the same 正在查询… was read out a second time). Nor is it said again in the language switched to while
    // it runs: the line is not live (aria-live="off") while it shows those words, which sighted readers still see.
    // The form is named by the heading: a form landmark a screen reader lists and jumps to.
    return html`<h2 id="status-h">${t.statusTitle}</h2>
      <p class="agency" lang=${this.textLang(this.statusFeed)}>${form.agency.name}</p>
      <form novalidate part="lookup" aria-labelledby="status-h" @submit=${this.runLookup}>
        ${input('code', t.queryCodeLabel, this.typedCode, codeErr, (v) => (this.typedCode = v), 'off', t.lookupHelp)}
        ${input('name', t.lookupName, this.typedName, nameErr, (v) => (this.typedName = v),
          // 'name' is a person's name: right only when only citizens can apply (type ids are unique). Where organisations
          // may apply, the field may want the organisation's name; a person's name filled in would be a wrong name (and
          // wrong names count towards the lookup limit): 'on' lets the browser offer what was typed here before.
          `${form.applicantTypes.map((a) => a.id)}` == 'naturalPerson' ? 'name' : 'on')}
        <div class="actions"><button class="btn primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.lookupButton}</button>
          <p class="help" role="status" aria-live=${this.busy && !this.announcement ? 'off' : 'polite'} aria-atomic="true">${this.busy ? t.looking : ''}</p></div>
      </form>
      ${this.lookupFailure
        ? html`<div class="panel error" part="lookup-error"><p id="failure" tabindex="-1">${this.lookupFailure.text()}</p>
            ${this.lookupFailure.retry ? html`<button class="btn" type="button" @click=${() => {
              // The retry button goes with this panel: focus waits on the lookup button, not on the page (WCAG 2.4.3).
              this.shadowRoot!.querySelector<HTMLElement>('form .btn')!.focus();
              void this.runLookup();
            }}>${this.core.retry}</button>` : nothing}${this.lookupFailure.office && officeDetails(this.t, form.agency.office, this.textLang(this.statusFeed), nothing, 3)}</div>`
        : nothing}
      ${this.statusAnswer ? this.renderAnswer(this.statusAnswer, form) : nothing}`;
  }

  private renderAnswer(a: StatusAnswer & { l: string; asOf: string }, form: RequestFormFeed): TemplateResult {
    const t = this.t;
    const rules = resolveRules(form);
    const today = this.today ?? localDate(new Date().toISOString(), rules.timeZone);
    const final = (FINAL_STATUSES as readonly string[]).includes(a.status);
    // While the reply period is stopped there is no overdue mark, but the reason the date may still move; unless the
    // server says it is overdue (a pause begun after the due date stopped nothing). Consulting a third party stops it
    // in China (条例 Art. 33), not under the US or UK FOIA (PAUSED_STATUSES[0] is consultingThirdParty).
    const paused = (PAUSED_STATUSES as readonly string[]).includes(a.status) && !(a.status == PAUSED_STATUSES[0] && isFoia(form.jurisdiction));
    let overdue = a.overdue;
    if (typeof overdue !== 'boolean') {
      try {
        overdue = !final && !paused && isOverdue(a.dueDate, today);
      } catch {
        overdue = false;
      }
    }
    const dl = dateLocale(this.locale, form.jurisdiction), when = (at: string) => formatDateTime(at, dl, rules.timeZone);
    // A due date in a year whose holidays the form's calendar does not list yet may move, as the receipt says too.
    const unlisted = unlistedYear(a.dueDate, rules.calendar);
    return html`<section class="receipt" part="result" aria-labelledby="result-h">
      <h3 id="result-h" tabindex="-1">${t.statusLabel}${t.colonMark}${own(t.statusNames, a.status) ?? a.status}</h3>
      <dl class="answers">
        <div><dt>${t.queryCodeLabel}</dt><dd>${a.queryCode}</dd></div>
        ${a.outcome ? html`<div><dt>${t.outcomeLabel}</dt><dd>${own(t.outcomeNames, a.outcome) ?? a.outcome}</dd></div>` : nothing}
        <div><dt>${t.receivedLabel}</dt><dd>${when(a.receivedAt)}</dd></div>
        <div><dt>${t.dueLabel}</dt><dd>${formatDate(a.dueDate, dl)}
          ${final ? nothing : html`<span class=${overdue ? 'overdue' : 'help'}>${t.paren(overdue ? t.overdueNote : paused ? own(t.duePaused, a.status) ?? '' : t.inTime + (unlisted ? t.holidaysUnlisted(unlisted) : ''))}</span>`}</dd></div>
        <div><dt>${t.lookedUpLabel}</dt><dd>${when(a.asOf)}</dd></div>
      </dl>
      ${a.history.length
        ? html`<h4>${t.historyTitle}</h4><ol class="timeline" part="history">${a.history.map((h) => html`<li>
            <time datetime=${h.at}>${when(h.at)}</time>${own(t.statusNames, h.status) ?? h.status}${h.note ? html`${t.colonMark}<span lang=${a.l != this.locale ? a.l : nothing}>${h.note}</span>` : nothing}</li>`)}</ol>`
        : nothing}
      ${final ? nothing : officeDetails(t, form.agency.office, this.textLang(this.statusFeed),
        a.status === 'correctionRequested' ? html`<p>${t.contactCorrection}</p>` : nothing)}
    </section>`;
  }
}
