import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Directive, directive, type PropertyPart } from 'lit/directive.js';
import { DisclosureElement } from '../../core/base.js';
import { baseStyles } from '../../core/styles.js';
import { FeedController } from '../../core/feed.js';
import { bare } from '../../core/json.js';
import { formatBytes, formatDate, isolate } from '../../core/format.js';
// (The validators before the working-day rules: the order of the shared net chunk's modules, 3 B smaller in gzip.)
import { inputHints, normalizeValue, type ValidatorName } from '../../validators/index.js';
import { dueDate, isFoia, unlistedYear } from '../../rules/working-days.js';
import {
  checkField, cleanSubmission, own, codePointLength, effectiveValidator, isRequired, isSingleCheckbox, parseAccept, parseRequestForm,
  resolveRules, visibleFields, type FieldValue, type FormField, type Receipt, type RequestFormFeed, type Submission,
} from '../../schema/request-form.js';
import { requestStrings, type RequestMessages } from '../../locales/request.js';
import { requestFormStyles } from './request-form.styles.js';
import { dateLocale, formatDateTime, insecureEndpoint, officeDetails, post } from './net.js';

/** Built-in validators of standard field names (feeds.md §2), used when the feed does not name one. */
const NAME_VALIDATORS: Record<string, ValidatorName> = {
  idNumber: 'cn-resident-id', uscc: 'cn-uscc', mobile: 'cn-mobile', phone: 'phone', fax: 'phone', postcode: 'postcode', email: 'email',
};
/**
 * The same on a US-FOIA or UK-FOIA form, whose numbers are not Chinese: no resident ID, USCC, 6-digit postcode or 11-digit
 * mobile check (a mobile is a phone number).
 */
const ABROAD_VALIDATORS: Record<string, ValidatorName> = { mobile: 'phone', phone: 'phone', fax: 'phone', email: 'email' };
/** Autocomplete tokens of standard field names. */
const AUTOCOMPLETE: Record<string, string> = {
  name: 'name', contactName: 'name', orgName: 'organization', workUnit: 'organization', phone: 'tel', mobile: 'mobile tel',
  fax: 'fax tel', email: 'email', address: 'street-address', postcode: 'postal-code',
};
const TEXTUAL = new Set(['text', 'textarea', 'email', 'tel', 'date']);
/** Whether a mouse button is down (or a tap is under way): see the field's focusout. */
let pressed: boolean | undefined;
addEventListener('mousedown', () => (pressed = true), true);
addEventListener('mouseup', () => (pressed = false), true);

/** How a list is joined in a language: 、 in Chinese, ", " otherwise. */
const listSep = (lang: string) => (/^zh/i.test(lang) ? '、' : ', ');

/** Adds the built-in behaviour of standard names to a feed's fields (a copy: the parsed feed may be cached). */
function withDefaults(form: RequestFormFeed): RequestFormFeed {
  const hasIdType = form.sections.some((s) => s.fields.some((f) => f.name === 'idType'));
  // (bare: the copies, as the parsed feed, read nothing a field lacks from a host page's polluted Object.prototype.)
  return bare({
    ...form,
    sections: form.sections.map((s) => ({
      ...s,
      fields: s.fields.map((f) => {
        const v = own(isFoia(form.jurisdiction) ? ABROAD_VALIDATORS : NAME_VALIDATORS, f.name);
        if (f.validator !== undefined || !v || !TEXTUAL.has(f.type)) return f;
        // An ID number is only checked as a resident ID when the applicant says it is one.
        return { ...f, validator: v, ...(f.name === 'idNumber' && hasIdType && !f.validatorWhen ? { validatorWhen: { idType: 'residentId' } } : {}) };
      }),
    })),
  });
}

type Values = Record<string, string | string[]>;
/**
 * A draft: the answers, the step, the application's key, and `files`, the names of each file field's files (never their
 * contents), to be chosen again after a restore; and what the server said of the answers (its field errors, `e`; the
 * answers refused as they are, or the key spent, `r`), kept so that a reload does not send them to be refused again.
 */
interface Draft { v: Values; step: number; key?: string; files?: Record<string, string[]>; e?: Record<string, string>; r?: Refusal | false; back?: boolean }
/** Why the answers were refused as they are: the key spent (no answers will do), the reason's key, the server's words and code. */
type Refusal = [spent: boolean, key: string, message: string, code: string];
/** Why 提交申请 sends nothing: the key spent, or the same answers refused. */
/** A question with its answers (清空表单's, 填写新的申请's): opened with focus on 取消 (closeClear's `clear-no`); Escape is 取消. */
const askFirst = (q: string, yes: string, onYes: () => void, no: string, onNo: () => void) => html`<div class="panel warning"
  role="alertdialog" aria-labelledby="clear-q" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && onNo()}><p id="clear-q">${q}</p>
  <button class="btn" type="button" @click=${onYes}>${yes}</button>
  <button class="btn" type="button" id="clear-no" @click=${onNo}>${no}</button></div>`;

const whyRefused = (r: Refusal, t: RequestMessages) => (r[0] ? t.keySpent : t.sameRefused);
/**
 * Object.assign, without an old page's polyfill of it: a for…in, which also copied what the page had put on
 * Object.prototype (its src and lang: 清空 made the form load another feed).
 */
const assign = (o: object, v: object) => Object.entries(v).map(([k, x]) => ((o as Record<string, unknown>)[k] = x));

/**
 * The state of a form whose answers were refused as they are, for the reason `how` (a code of ours, or the server's own
 * words and code; `others`: its errors about fields the form does not have): at the answer, and from a draft after a reload.
 */
const refused = (how: Refusal, others: () => string[]) => ({
  sendState: 'rejected',
  asRefused: how,
  // Fewer or smaller attachments, shorter answers are the applicant's to choose; other refusals leave them only the agency to contact.
  stuck: !/^(payloadTooLarge|tooManyFiles|textTooLarge)$/.test(how[1]),
  // The server's own words as sent; those of its codes, and of the fields this form does not have, in the language of the moment.
  sendDetail: (t: RequestMessages) => t.rejectedNote + (own(t.sendErrors, how[1]) ?? t.sendUnknown([how[2], ...others()].filter(Boolean).join(' '), how[3])),
});
/**
 * What one submission sends, fixed when the applicant presses Submit: every automatic retry sends exactly this (only
 * `Accept-Language` is added at each attempt: the language of the moment).
 */
interface Outbox { body: FormData | string; headers: Record<string, string>; files: boolean }
/**
 * JSON of plain data, whatever the page did to Array.prototype: Prototype.js 1.6 gives arrays a toJSON that returns a
 * string, which JSON.stringify calls, and a checkbox group went to the server and into the draft as '["paper", "disk"]'.
 * The replacer hands back each value as it is held, before any toJSON (primitives have none that JSON calls).
 */
const stringify = (value: unknown) => JSON.stringify(value, function (this: Record<string, unknown>, k) {
  return this[k];
});

/** A receipt kept in the draft's storage until the applicant starts a new application (a reload must not lose it). */
interface KeptReceipt { receipt: Receipt; earlier?: boolean; about?: [string, string][] }
type SendState = '' | 'sending' | 'retrying' | 'failed' | 'offline' | 'rejected' | 'held';
interface Step { title: string; help?: string; fields: FormField[] }

/**
 * A control's `.value` / `.checked`, set only when the control shows something else (Lit's `live`, without its
 * helpers). A plain binding sets it whenever the answer changes, even to what the control already holds: for a date
 * whose day the applicant is retyping, the answer becomes '' and setting '' wipes the year and month too.
 */
const live = directive(class extends Directive {
  render(v: unknown) {
    return v;
  }
  override update(part: PropertyPart, [v]: [unknown]) {
    const el = part.element as unknown as Record<string, unknown>;
    if (el[part.name] !== v) el[part.name] = v;
    // Lit's noChange (the same registered symbol): imported, it would be one more export of the shared runtime chunk.
    return Symbol.for('lit-noChange');
  }
});

/**
 * @tagname request-form
 * @summary The 依申请公开 application form, drawn from a JSON feed: steps, validation, review, drafts, submission with
 * retries, receipt with the query code, or a printable paper form.
 *
 * @event disclosure-load - The form feed loaded. `detail: { url, data, warnings }`.
 * @event disclosure-error - The form feed could not be loaded. `detail: { url, kind, status, message }`.
 * @event request-submitted - The application was accepted. `detail: { requestId, queryCode, receivedAt, dueDate, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - Title, intro, time limit and privacy notice.
 * @csspart progress - The step indicator.
 * @csspart error-summary - The list of problems shown after a failed Next or submit.
 * @csspart office - The office's contact details (联系办理机关), wherever the applicant cannot finish online: a server's message
 * about fields this form does not have, a refusal or lasting failure the applicant cannot fix, a plain-http endpoint, changes
 * made after the stored application, the paper form.
 * @csspart step - The current step's form.
 * @csspart field - One field (label, help, error, control).
 * @csspart review - The check-your-answers list.
 * @csspart insecure - Said above every step when the feed's submission address is plain http (nothing is sent there: the
 * review offers the paper form instead), with the office's details on the first; and under the paper form's title (not printed).
 * @csspart send-status - Messages while sending (retry, offline, refusal).
 * @csspart receipt - The receipt with the query code.
 * @csspart paper - The printable application form (print mode, and where the application cannot be sent online).
 * @csspart loading - The loading state.
 * @csspart error - The feed error state.
 * @csspart retry-button - The retry button of the feed error state.
 * @csspart warning - Problems found in the form feed (the rest is used).
 *
 * @cssprop [--de-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font family of all text.
 * @cssprop [--de-font-size=medium] - Base font size.
 * @cssprop [--de-line-height=1.6] - Line height of body text.
 * @cssprop [--de-color-text=#1f1f1f] - Body text.
 * @cssprop [--de-color-text-muted=#595959] - Help text.
 * @cssprop [--de-color-background=#ffffff] - Background.
 * @cssprop [--de-color-surface=#f5f6f7] - Hover, details and table stripes.
 * @cssprop [--de-color-border=#c4c8cc] - Borders of fields and the paper form.
 * @cssprop [--de-color-field-border=#767676] - Border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-color-primary=#0b5cad] - Buttons and the current step.
 * @cssprop [--de-color-primary-contrast=#ffffff] - Text on the primary colour (primary buttons).
 * @cssprop [--de-color-link=#0b5cad] - Links.
 * @cssprop [--de-color-focus=#c25400] - The focus outline.
 * @cssprop [--de-color-danger=#b3261e] - Error messages and borders.
 * @cssprop [--de-color-danger-background=#fdecea] - Background of the error summary.
 * @cssprop [--de-color-warning=#7a4b00] - Warning text and borders.
 * @cssprop [--de-color-warning-background=#fff4d6] - Background of warning panels.
 * @cssprop [--de-color-success=#1e6b34] - Confirmations.
 * @cssprop [--de-radius=0.25em] - Corner radius.
 * @cssprop [--de-cursor-pointer=pointer] - The cursor over buttons and links (an accessibility toolbar's 大鼠标: its hand).
 * @cssprop [--de-dark-color-text=#ececec] - Dark scheme (`theme="dark"`, or `auto` on a dark system): body text.
 * @cssprop [--de-dark-color-text-muted=#b8b8b8] - Dark scheme: help text.
 * @cssprop [--de-dark-color-background=#16181b] - Dark scheme: background.
 * @cssprop [--de-dark-color-surface=#23272b] - Dark scheme: hover, details and table stripes.
 * @cssprop [--de-dark-color-border=#5c636a] - Dark scheme: borders of fields and the paper form.
 * @cssprop [--de-dark-color-field-border=#8a9199] - Dark scheme: border of text fields and selects (keep 3:1 against the background).
 * @cssprop [--de-dark-color-primary=#8cc4ff] - Dark scheme: buttons and the current step.
 * @cssprop [--de-dark-color-primary-contrast=#0b1a2a] - Dark scheme: text on the primary colour (primary buttons).
 * @cssprop [--de-dark-color-link=#8cc4ff] - Dark scheme: links.
 * @cssprop [--de-dark-color-focus=#ffb347] - Dark scheme: the focus outline.
 * @cssprop [--de-dark-color-danger=#ffb4ab] - Dark scheme: error messages and borders.
 * @cssprop [--de-dark-color-danger-background=#3b1512] - Dark scheme: background of the error summary.
 * @cssprop [--de-dark-color-warning=#ffd27a] - Dark scheme: warning text and borders.
 * @cssprop [--de-dark-color-warning-background=#33280e] - Dark scheme: background of warning panels.
 * @cssprop [--de-dark-color-success=#8fd6a1] - Dark scheme: confirmations.
 */
export class RequestForm extends DisclosureElement {
  static override styles = [baseStyles, requestFormStyles];
  /** Reactive properties (attributes) and internal state: Lit's static form, without decorator code. */
  static override properties: PropertyDeclarations = {
    src: {},
    persist: {},
    entered: { state: true },
    chosenFiles: { state: true },
    leftFields: { state: true },
    serverErrors: { state: true },
    stepIndex: { state: true },
    phase: { state: true },
    showSummary: { state: true },
    fromReview: { state: true },
    confirmClear: { state: true },
    againFiles: { state: true },
    sendState: { state: true },
    sendDetail: { state: true },
    sentShare: { state: true },
    keptReceipt: { state: true },
    announcement: { state: true },
  };
  protected static override strings = [requestStrings];

  /** URL of the request-form feed. */
  src?: string;

  /** `local` keeps the draft in localStorage (survives closing the browser); default: sessionStorage (this tab only). */
  persist?: 'local' | 'session';

  /** Waits before each automatic resend after a network error or 5xx, in ms (also the number of automatic tries). */
  retryDelays: number[] = [1000, 2000, 4000];

  // (No initial value, which ships as code, where none is needed: a member read by truthiness, or compared with a
  // value it is given (sendState, shownView), until set; attemptNo is set before every sending. Those the template
  // indexes or calls (entered, sendDetail, …) keep theirs.)
  private entered: Values = {};
  private chosenFiles: Record<string, File[]> = {};
  private leftFields = new Set<string>();
  private serverErrors: Record<string, string> = {};
  private stepIndex = 0;
  private phase: 'form' | 'done' | 'paper' = 'form';
  private showSummary?: boolean;
  private fromReview?: boolean;
  private confirmClear?: boolean;
  /** Files of a restored draft not chosen again yet, by field: the applicant is asked for them by name. */
  private againFiles: Record<string, string[]> = {};
  private sendState?: SendState;
  /**
   * What the send status says, in words of the strings given: shown again in another language when it changes. `l` is
   * the language it was first shown (and said) in, '' once another was shown: a language switched since (and back) does
   * not have it said again.
   */
  private sendDetail: ((t: RequestMessages) => string) & { l?: string } = (t) => t.sendingNote;
  /** The failure or refusal shown is not the applicant's to fix on the page (not 429, offline, too many or too large files). */
  private stuck?: boolean;
  /** The answers are those the server refused (a 4xx that is not about fields on the form): sent again, they would be
   *  refused again. Its first item true: the application's Idempotency-Key was used for other answers
   *  (idempotencyKeyReused, no receipt): refused whatever the answers, until the form is cleared (a new application, a new key). */
  private asRefused?: Refusal | false;
  private sentShare?: number | null;
  private keptReceipt?: KeptReceipt | null;
  private announcement?: unknown;

  /** Each time the form feed loads (the first time, a retry, a new src): its form, and the draft kept for it. */
  private readonly formFeedCtl = new FeedController<RequestFormFeed>(this, parseRequestForm, (data) => {
    this.feedForm = withDefaults(data);
    this.restoreDraft();
  });
  private feedForm: RequestFormFeed | null = null;
  private idemKey = '';
  private outbox?: Outbox | null;
  /** The phase and step shown last (a change cancels a pending character-count announcement). */
  private shownView?: string;
  private busy?: boolean;
  private inFlight?: boolean;
  private attemptNo!: number;
  private timers: Record<string, ReturnType<typeof setTimeout>> = {};
  private readonly onOnline = () => this.sendState === 'offline' && void this.sendOutbox();
  private readonly onOffline = () => this.sendState === 'retrying' && this.waitOnline();
  /**
   * The page is being left (reload, tab closed: pagehide) or hidden (visibilitychange; a phone may then discard the
   * tab without another event): answers typed in the last 0.4 s, whose timer would never fire, are saved now.
   */
  private readonly onHide = () => this.timers.draft && this.saveDraft();

  /** Resolves when the feed has loaded (and any draft was restored) or failed. */
  get loaded(): Promise<void> {
    return this.updateComplete.then(() => this.formFeedCtl.loaded).then(() => this.updateComplete).then(() => undefined);
  }

  /** Whether the browser is online; tests and hosts may override it on the instance. */
  isOnline(): boolean {
    return navigator.onLine !== false;
  }

  /** The strings in the element's language (on a US or UK FOIA form in English, FOIA's words: see scheduleUpdate). */
  private get t() {
    return requestStrings.form(this.locale, this.feedForm?.jurisdiction);
  }

  /** A US or UK FOIA form in English renders once its words (a chunk of their own) have loaded. */
  protected override scheduleUpdate() {
    return requestStrings.form(this.locale, this.feedForm?.jurisdiction, () => super.scheduleUpdate());
  }

  /** Whom to contact and how (the office's details from the feed), with `note` after the heading. */
  private renderOffice(level?: 3) {
    return officeDetails(this.t, this.feedForm!.agency.office, this.labelLang(), nothing, level);
  }

  /**
   * The `lang` of feed text (with no `f`), or of a field's label: the feed's, unless the label is ours (the applicant-type
   * question a feed does not ask).
   */
  private labelLang(f?: FormField) {
    return f?.label === this.t.applicantTypeLabel ? nothing : this.textLang(this.formFeedCtl);
  }

  /** A UI string with feed text in place of its placeholder ({label}, {agency}), that text marked with its `lang` and isolated (`dir=auto`). */
  private withFeedText(text: string, value: string, lang = this.labelLang()): unknown[] {
    return text.split(/\{\w+\}/).map((p, i) => (i ? html`<span dir=auto lang=${lang}>${value}</span>${p}` : p));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    addEventListener('pagehide', this.onHide);
    document.addEventListener('visibilitychange', this.onHide);
    // Moved in the page (disconnected, then connected again) while a retry or the connection waited: its timer went, or
    // the online event came meanwhile; it is sent now (or waits again, still offline).
    if (this.sendState === 'retrying' || this.sendState === 'offline') void this.sendOutbox();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    removeEventListener('pagehide', this.onHide);
    document.removeEventListener('visibilitychange', this.onHide);
    if (this.timers.draft) this.saveDraft();
    for (const k in this.timers) clearTimeout(this.timers[k]);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('feedTimeout')) this.formFeedCtl.timeout = this.feedTimeout;
    // A character count announced after the applicant moved on would be read out of context; so would the last sentence
    // said (a count, a file removed), read where a screen reader browses onto the live region: it goes too. (What
    // announce() says with a move, a restored draft or a cleared form, comes after this update.)
    const view = `${this.phase}${this.stepIndex}`;
    if (view !== this.shownView) {
      clearTimeout(this.timers.count);
      this.announcement = '';
    }
    this.shownView = view;
    // A new src, or a new feed-base of the provider around it (the form feed then lives elsewhere).
    if (changed.has('src') || (changed.has('provider') && this.resolveSrc(this.src) != this.formFeedCtl.url)) {
      this.feedForm = null;
      // Focus in the form, which goes while the new feed loads: once it is there, on its title (not left on the page).
      const had = this.shadowRoot!.activeElement;
      const was = this.formFeedCtl.url;
      void this.formFeedCtl.load(this.resolveSrc(this.src)).then(async () => {
        // The answers went on to the new feed (none were kept under its URL: the same form moved, a feed-base changed):
        // so does their draft, not left behind under the old URL, where 清空表单 or a submission would not reach it.
        if (this.feedForm && this.phase == 'form' && this.keepInStore(false, undefined, was) && !this.keepInStore(false)) {
          this.saveDraft();
          this.keepInStore(false, null, was);
        }
        await this.updateComplete;
        if (had && document.activeElement == document.body) this.focusAfterRetry();
      });
    }
  }

  /**
   * A file input drawn anew (its step shown again: 上一步, 修改) holds the files listed under it, as it does after a
   * choice or a removal: it said 未选择任何文件 (No file chosen) beside them.
   */
  protected override updated(): void {
    for (const [k, list] of Object.entries(this.chosenFiles)) {
      const input = this.shadowRoot!.getElementById(`f-${k}`) as HTMLInputElement | null;
      if (input?.files?.length === 0 && list.length) {
        const dt = new DataTransfer();
        list.forEach((x) => dt.items.add(x));
        input.files = dt.files;
      }
    }
  }

  // ---- model ----------------------------------------------------------------------------------------------------

  private get chosenType(): string {
    const type = own(this.entered, 'applicantType');
    return typeof type === 'string' ? type : '';
  }

  /** The applicant-type question, asked first (radio buttons), as a field. */
  private get typeField(): FormField | null {
    const f = this.feedForm!;
    if (!f.applicantTypes.length) return null;
    const own = f.sections.flatMap((s) => s.fields).find((x) => x.name === 'applicantType');
    return {
      name: 'applicantType', type: 'radio', required: true, label: own?.label ?? this.t.applicantTypeLabel, help: own?.help,
      options: f.applicantTypes.map((a) => ({ value: a.id, label: a.label })),
    };
  }

  /** The steps for the chosen applicant type: sections with visible fields (the first one starts with the type). */
  private get stepList(): Step[] {
    const f = this.feedForm!;
    const shown = new Set(visibleFields(f, this.chosenType).map((x) => x.name));
    const type = this.typeField;
    return f.sections
      .map((s, i) => ({
        title: s.title,
        help: s.help,
        fields: [...(i === 0 && type ? [type] : []), ...s.fields.filter((x) => shown.has(x.name) && x.name !== 'applicantType')],
      }))
      .filter((s, i) => i === 0 || s.fields.length);
  }

  /**
   * The server's field errors about fields not on this form (none can be corrected here), in words: a known code's
   * message with the field's name, else the name and the server's own words. Said with the others, to pass on.
   */
  private get otherErrors(): string[] {
    const t = this.t;
    return Object.entries(this.serverErrors).filter(([k]) => !this.stepList.some((s) => s.fields.some((f) => f.name === k))).map(([k, v]) =>
      own(t.errorMessages, v)?.replace('{label}', k) ?? `${k}${t.colonMark}${v}`);
  }

  /**
   * The files of a restored draft still to be chosen again, in words (or ''): only for the fields on the form (one the
   * applicant type hides keeps its names, asked for again if the type changes back).
   */
  private againNote(): string {
    const names = this.stepList.flatMap((s) => s.fields.flatMap((f) => own(this.againFiles, f.name) ?? []));
    return names.length ? this.t.draftFiles(names.join(listSep(this.locale))) : '';
  }

  private asSubmission(): Submission {
    const { applicantType: _, ...rest } = this.entered;
    return { applicantType: this.chosenType, fields: { ...rest, ...this.chosenFiles } as Record<string, FieldValue> };
  }

  private valueFor(f: FormField): FieldValue | undefined {
    return f.type === 'file' ? own(this.chosenFiles, f.name) ?? [] : own(this.entered, f.name);
  }

  /** The message of a field's problem, or null. */
  private problemOf(f: FormField): unknown {
    const server = own(this.serverErrors, f.name);
    const again = own(this.againFiles, f.name);
    const p = checkField(f, this.valueFor(f), this.asSubmission());
    // Names after the words: a name is the applicant's, and may hold what looks like a {placeholder}. A file chosen and
    // refused (its type, its size) is said first: else nothing says so.
    if (again?.length && (!p || p.code == 'required')) return [this.withFeedText(this.t.filesAgain, f.label, this.labelLang(f)), again.map(isolate).join(listSep(this.locale))];
    if (!p) return server ? this.messageOf(f, server) : null;
    // Files refused (their type, their size): each problem, after the files it is about (it named none, and said only
    // the first problem of several), by the same rule for one file at a time.
    if (/^file[TS]/.test(p.code)) {
      const by: Record<string, string[]> = {};
      for (const x of this.valueFor(f) as File[]) {
        const c = checkField(f, [x], this.asSubmission())?.code;
        if (c) (by[c] ??= []).push(isolate(x.name));
      }
      return Object.entries(by).map(([c, names], i) => [i ? ' ' : '', this.t.refusedFiles(names.join(listSep(this.locale))), this.messageOf(f, c)]);
    }
    return this.messageOf(f, p.code);
  }

  /**
   * A code (ours or the server's) in words, the field's label marked with its language; unknown codes from the server
   * are shown as they are, after the field's label (the summary's link says which field it is about).
   */
  private messageOf(f: FormField, code: string): unknown {
    const e = this.t.errorMessages;
    // A foreigner's permanent-residence ID (2023: 18 characters, starting with 9) has its province code in digits 2–3.
    if (code == 'region' && /^9.{17}$/.test(normalizeValue('cn-resident-id', String(this.valueFor(f))))) code = 'region9';
    const kind = f.type === 'file' ? 'file' : isSingleCheckbox(f) ? 'check' : f.options ? 'choice' : '';
    const text = own(e, `${effectiveValidator(f)}.${code}`) ?? own(e, `${code}.${kind}`) ?? own(e, code);
    if (!text) return html`<span dir=auto lang=${this.labelLang(f)}>${f.label}</span>${this.t.colonMark}${code}`;
    const max = String(f.type === 'file' ? f.maxSizeMB ?? '' : f.maxLength ?? '');
    return this.withFeedText(text.replace('{max}', max).replace('{types}', this.typesOf(f)), f.label, this.labelLang(f));
  }

  private shownError(f: FormField): unknown {
    return this.leftFields.has(f.name) || own(this.serverErrors, f.name) ? this.problemOf(f) : null;
  }

  private typesOf(f: FormField): string {
    const { extensions, types } = parseAccept(f.accept);
    return [...extensions.map((x) => x.slice(1).toUpperCase()), ...types].join(listSep(this.locale));
  }

  private set(name: string, value: string | string[]): void {
    this.entered = { ...this.entered, [name]: value };
    this.changedField(name);
  }

  private setFiles(name: string, list: File[]): void {
    this.chosenFiles = { ...this.chosenFiles, [name]: list };
    this.againFiles = { ...this.againFiles, [name]: own(this.againFiles, name)?.filter((n) => !list.some((x) => x.name == n)) ?? [] };
    this.changedField(name);
  }

  /** An answer changed: the server's complaint about the old one no longer applies (and 提交申请 may send it again). */
  private changedField(name: string): void {
    this.asRefused = this.asRefused && this.asRefused[0] && this.asRefused;
    if (own(this.serverErrors, name)) {
      const { [name]: _, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
    this.schedule('draft', () => this.saveDraft(), 400);
  }

  private touch(name: string): void {
    if (!this.leftFields.has(name)) this.leftFields = new Set(this.leftFields).add(name);
  }

  private schedule(key: string, fn: () => void, ms: number): void {
    clearTimeout(this.timers[key]);
    this.timers[key] = setTimeout(() => {
      delete this.timers[key];
      fn();
    }, ms);
  }

  /**
   * Says `text(t)` in 50 ms (emptied first, so the same words are said again), in the language then shown: a language
   * switched meanwhile (which empties the live region, see LocaleController) has it said in the new one, once its
   * strings have loaded. Not while a new form feed loads (a new src): its words were about the form that went.
   */
  private announce(text: (t: RequestMessages) => unknown): void {
    this.announcement = '';
    setTimeout(() => this.updateComplete.then(() => this.feedForm && (this.announcement = text(this.t))), 50);
  }

  // ---- drafts ---------------------------------------------------------------------------------------------------

  /**
   * Reads (`value` undefined), writes, or removes (`value` null) the draft or the receipt; a blocked or full storage
   * reads as nothing. The receipt is kept in sessionStorage whatever `persist` says: on a shared computer (a
   * service-hall kiosk) the next person must find an empty form, not the last applicant's query code.
   */
  private keepInStore(receipt: boolean, value?: unknown, url = this.formFeedCtl.url): unknown {
    try {
      const store = receipt || this.persist !== 'local' ? sessionStorage : localStorage;
      const key = `disclosure-elements:request-${receipt ? 'receipt' : 'draft'}:${url}`;
      // A draft kept in localStorage before the page chose sessionStorage (persist="local" removed): moved to this tab,
      // not left on a shared computer for the next person. Looked for when a draft is read (restoreDraft, once a load),
      // not at every save.
      const old = value === undefined && store != localStorage && localStorage.getItem(key);
      if (old) {
        localStorage.removeItem(key);
        if (store.getItem(key) == null) store.setItem(key, old);
      }
      // (bare: a draft without `key` must not take a host page's polluted Object.prototype.key as its application's key.)
      if (value === undefined) return bare(JSON.parse(store.getItem(key) ?? 'null'));
      if (value === null) store.removeItem(key);
      else store.setItem(key, stringify(value));
    } catch {
      /* storage blocked or full, or not JSON: the form still works */
    }
    return null;
  }

  private saveDraft(): void {
    clearTimeout(this.timers.draft);
    delete this.timers.draft;
    if (!this.feedForm || this.phase === 'done') return;
    const files = { ...this.againFiles };
    // Own keys only: old pages put enumerable functions on Object.prototype (json.js's toJSONString).
    for (const [k, list] of Object.entries(this.chosenFiles)) files[k] = [...list.map((x) => x.name), ...(own(files, k) ?? [])];
    const draft: Draft = { v: this.entered, step: this.stepIndex, key: this.idemKey, files, e: this.serverErrors, r: this.asRefused, back: this.fromReview };
    this.keepInStore(false, draft);
  }

  private restoreDraft(): void {
    const kept = this.keepInStore(true) as KeptReceipt | null;
    if (kept && typeof kept.receipt?.queryCode === 'string' && typeof kept.receipt.receivedAt === 'string') {
      this.keptReceipt = kept;
      this.phase = 'done';
      return;
    }
    // The receipt shown is another form's (a new src, or feed-base): this one starts empty (that one's stays stored).
    if (this.phase == 'done') {
      this.resetForm();
      this.keptReceipt = null;
      this.phase = 'form';
    }
    const d = this.keepInStore(false) as Draft | null;
    if (!d || typeof d.v !== 'object' || !d.v) return;
    this.entered = d.v;
    this.idemKey = typeof d.key === 'string' ? d.key : '';
    this.stepIndex = Math.min(Math.max(0, Number(d.step) || 0), this.stepList.length);
    if (Array.isArray(d.r) && d.r.length == 4 && d.r.every((x, i) => typeof x == (i ? 'string' : 'boolean'))) assign(this, refused(d.r, () => this.otherErrors));
    this.fromReview = d.back === true;
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.e ?? {})) if (typeof v == 'string') e[k] = v;
    this.serverErrors = e;
    // Files cannot be restored: each field asks for its own by name, at once (as if left), and so does the announcement.
    const again: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(d.files ?? {})) if (Array.isArray(v) && v.length) again[k] = v.map(String);
    this.againFiles = again;
    this.leftFields = new Set(Object.keys(again));
    this.announce((t) => [t.draftRestored, this.againNote()]);
  }

  private clearForm = async () => {
    this.keepInStore(false, null);
    this.resetForm();
    this.announce((t) => t.clearedNote);
    await this.focusHeading();
  };

  private resetForm(): void {
    for (const k of ['draft', 'retry']) clearTimeout(this.timers[k]);
    assign(this, { entered: {}, chosenFiles: {}, leftFields: new Set(), serverErrors: {}, stepIndex: 0, showSummary: false, confirmClear: false, againFiles: {}, sendState: '', idemKey: '', outbox: null, busy: false, fromReview: false, asRefused: false });
  }

  /** From the receipt: forget it and start again with an empty form. */
  private newApplication = async () => {
    this.keepInStore(true, null);
    this.resetForm();
    this.keptReceipt = null;
    this.phase = 'form';
    await this.focusHeading();
  };

  private openClear = async () => {
    if (this.sendState === 'sending') return;
    this.confirmClear = true;
    await this.focusHeading('clear-no');
  };

  private closeClear = async () => {
    this.confirmClear = false;
    await this.focusHeading('clear-open');
  };

  // ---- navigation -----------------------------------------------------------------------------------------------

  private async focusHeading(id = 'step-h'): Promise<void> {
    await this.updateComplete;
    this.shadowRoot!.getElementById(id)?.focus();
  }

  /** Checks a step's fields; shows the summary and focuses it when something is wrong. */
  private async checkStep(fields: FormField[]): Promise<boolean> {
    this.leftFields = new Set([...this.leftFields, ...fields.map((f) => f.name)]);
    const bad = fields.some((f) => this.problemOf(f));
    this.showSummary = bad;
    if (bad) await this.focusHeading('summary');
    return !bad;
  }

  private goNext = async (e: Event) => {
    e.preventDefault();
    const steps = this.stepList;
    if (!(await this.checkStep(steps[this.stepIndex].fields))) return;
    this.stepIndex = this.fromReview ? steps.length : this.stepIndex + 1;
    if (this.stepIndex === steps.length) this.fromReview = false;
    this.saveDraft();
    await this.focusHeading();
  };

  private goBack = async () => {
    // While the application is on its way, the answers stay as they were sent (its answer decides what happens next).
    if (this.sendState === 'sending') return;
    this.leaveReview();
    this.showSummary = false;
    this.stepIndex = Math.max(0, this.stepIndex - 1);
    this.saveDraft();
    await this.focusHeading();
  };

  /**
   * The applicant goes back to change answers after a failed or pending submission: nothing is resent behind their back.
   * The key stays, so the next Submit either stores the changed application or, when the earlier one did arrive, gets
   * its receipt (the server never stores two). An automatic submission promised (offline, a retry's wait) is called off
   * aloud ('held'): said now, on every step (it was dropped silently: nothing was ever sent) and on the review, until
   * 提交申请.
   */
  private leaveReview(): void {
    if (this.stepIndex < this.stepList.length || !this.outbox) return;
    clearTimeout(this.timers.retry);
    const held = this.sendState == 'retrying' || this.sendState == 'offline';
    assign(this, { outbox: null, busy: false, sendState: held ? 'held' : '' });
    if (held) this.announce(this.sendDetail = (t) => t.heldNote);
  }

  /** Goes to the step that has `name` and focuses that field. */
  private async goToField(name: string, fromReview = false): Promise<void> {
    const i = this.stepList.findIndex((s) => s.fields.some((f) => f.name === name));
    if (i < 0 || this.sendState === 'sending') return;
    this.leaveReview();
    this.fromReview = fromReview;
    this.stepIndex = i;
    await this.updateComplete;
    const el = this.shadowRoot!.getElementById(`f-${name}`);
    const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked') ?? el.querySelector('input') : el;
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  // ---- submission -----------------------------------------------------------------------------------------------

  /** Whether the application may be sent online: an api form whose endpoint is not plain http (personal data). */
  private get sendable(): boolean {
    const s = this.feedForm?.submit;
    return s?.mode === 'api' && !insecureEndpoint(s.endpoint!);
  }

  /**
   * Why nothing is sent online, where the form's endpoint is plain http: above the steps (with `office` after it, on the
   * first), and on the paper form.
   */
  private insecurePanel(office?: unknown) {
    return this.feedForm!.submit.mode === 'api' && !this.sendable
      ? html`<div class="panel error" part="insecure"><p>${this.t.insecureAhead}</p>${office}</div>` : nothing;
  }

  /**
   * The paper 申请表 of the answers given: for a form without online submission, and where sending online cannot succeed
   * (a plain-http endpoint, a lasting failure, a refusal the applicant cannot fix): posted or handed in, it is an
   * application too (条例 Art. 29).
   */
  private toPaper = async () => {
    this.phase = 'paper';
    await this.focusHeading('paper-h');
  };

  private submitReview = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    // The answers the server refused, unchanged: not sent again only to be refused again (the reason is by the button).
    if (this.asRefused) return this.announce((t) => whyRefused(this.asRefused as Refusal, t));
    const steps = this.stepList;
    const bad = steps.findIndex((s) => s.fields.some((f) => this.problemOf(f)));
    if (bad >= 0) {
      // Sent back from the review (here, or by the server's field errors below): once fixed, back to the review.
      this.fromReview = true;
      this.stepIndex = bad;
      await this.checkStep(steps[bad].fields);
      return;
    }
    // No online submission, or none that may carry personal data (plain http): the paper form (never sent).
    if (!this.sendable) {
      await this.toPaper();
      return;
    }
    this.busy = true;
    // The server's complaints were about what it was sent last: this submission gets answers of its own.
    this.serverErrors = {};
    // crypto.randomUUID exists only in secure contexts, and an old portal page may be plain http (sending to https).
    this.idemKey ||= crypto.randomUUID?.() ?? '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16));
    this.saveDraft();
    this.attemptNo = 0;
    this.outbox = this.pack(this.feedForm!);
    void this.sendOutbox();
  };

  /** The request body and headers of the application as it stands now. */
  private pack(form: RequestFormFeed): Outbox {
    const clean = cleanSubmission(form, this.asSubmission());
    const files = Object.values(clean.fields).some((v) => Array.isArray(v) && v.some((x) => x instanceof File));
    const headers: Record<string, string> = { Accept: 'application/json', 'Idempotency-Key': this.idemKey };
    if (files) {
      const body = new FormData();
      body.append('applicantType', clean.applicantType);
      for (const [k, v] of Object.entries(clean.fields)) for (const x of [v].flat()) body.append(k, x as string | File);
      return { body, headers, files };
    }
    headers['Content-Type'] = 'application/json';
    // cleanSubmission leaves out empty lists: the body is the clean submission as it is.
    return { body: stringify(clean), headers, files };
  }

  private waitOnline(): void {
    clearTimeout(this.timers.retry);
    this.sendState = 'offline';
    // News of its own: said in the language shown, also after a switch that silenced the news before it.
    this.sendDetail = (t) => t.offlineNote;
  }

  /** Sends the application (again): the same body and Idempotency-Key every time. */
  private async sendOutbox(): Promise<void> {
    // The feed may have been loaded anew since Submit (a new src or feed-base): once it is there, its endpoint is
    // checked again before every attempt, and one now plain http (or a form no longer sent online) stops the sending,
    // as at Submit: the paper form, which says why.
    await this.formFeedCtl.loaded;
    const box = this.outbox;
    if (this.inFlight || !box) return;
    clearTimeout(this.timers.retry);
    if (!this.sendable) {
      assign(this, { outbox: null, busy: false, sendState: '' });
      return this.toPaper();
    }
    if (!this.isOnline()) return this.waitOnline();
    this.inFlight = true;
    // 重新提交 goes away while sending: its focus goes to 提交申请, not to the page.
    if (this.shadowRoot!.activeElement?.id === 'retry') void this.focusHeading('send');
    this.sendState = 'sending';
    this.sendDetail = (t) => t.sendingNote;
    this.sentShare = box.files ? 0 : null;
    // A slow answer: still sending, said after 10 s (a page that seems stuck gets closed or reloaded); counted from the
    // upload's last progress, so that an upload still going on (its bar moving) is not said to be a slow server.
    const slow = () => this.schedule('slow', () => (this.sendDetail = (t) => t.slowNote), 10000);
    slow();
    const url = this.feedForm!.submit.endpoint!;
    // The server's own words (a field message it has no code for) in the applicant's language at this attempt: zh-CN
    // or en, a CORS-safelisted value (no preflight asks for it).
    const { status, json, retryAfter, moved } = await post(url, box.body, { ...box.headers, 'Accept-Language': this.locale }, (p) => {
      this.sentShare = p;
      slow();
    }, this.feedTimeout);
    clearTimeout(this.timers.slow);
    // The answer is read with the form's feed: one being loaded anew meanwhile (a new src) is waited for.
    await this.formFeedCtl.loaded;
    this.inFlight = false;
    this.sentShare = null;
    const err = (json as { error?: { code?: string; message?: string; fields?: Record<string, string>; limit?: string }; receipt?: Partial<Receipt> } | null) ?? {};
    // A 413 from a proxy has no JSON: it is the same refusal as the intake server's.
    const code = err.error?.code ?? (status == 413 ? 'payloadTooLarge' : '');
    // A 2xx without a query code is not the intake server's receipt (a Wi-Fi login page, a proxy): sent again.
    const ok = status >= 200 && status < 300;
    if (ok && typeof (err as Partial<Receipt>).queryCode === 'string') return this.gotReceipt(err as Partial<Receipt>);
    // The application was stored before the applicant changed it: its receipt, and the news that the change was not.
    if (code === 'idempotencyKeyReused' && err.receipt?.queryCode) return this.gotReceipt(err.receipt, true);
    if (this.outbox !== box) return; // the applicant went back to change answers meanwhile
    // 408: the server or a proxy gave up waiting for the request (a slow line), not a refusal of the answers.
    const again = ok || status === 0 || status >= 500 || status === 429 || status == 408;
    // No answer of the intake server's, yet an answer from it: a 2xx that is no JSON from the URL posted to (a web page:
    // the home page or an app's fallback page of a server the endpoint names wrongly; a Wi-Fi login page is reached by a
    // redirect, and an https endpoint cannot be answered in its place), a 4xx without the intake server's `error` (a
    // firewall's block page, a 404 page; a proxy's 413 is the server's payloadTooLarge). The service is broken: not the
    // connection, not the answers. Sent again once at most (a server restarting, one bad node behind a balancer),
    // a 4xx not at all: a wrong setting does not heal in seconds.
    const broken = ok ? !json && !moved : !again && !err.error && status != 413;
    if (again || broken) {
      if (!this.isOnline()) return this.waitOnline();
      const next = broken && (!ok || this.attemptNo) ? undefined : this.retryDelays[this.attemptNo++];
      if (next === undefined) {
        // No answer the page may read, from another origin that does answer a request whose answer it may not read
        // (no-cors, within 10 s where the browser can limit it): the server refuses this page (CORS, which a page
        // cannot tell from a network failure), the applicant's connection is fine.
        const cors = !status && new URL(url, location.href).origin != location.origin
          && (await fetch(url, { mode: 'no-cors', signal: AbortSignal.timeout?.(1e4) }).then(() => 1, () => 0));
        if (this.outbox !== box) return; // the form was cleared meanwhile
        this.busy = false;
        this.sendState = 'failed';
        // Asked to wait (429), the applicant waits; else the way may stay closed: whom to contact is given.
        this.stuck = status != 429;
        this.sendDetail = (t) => broken ? t.serviceNote : cors ? t.sendErrors.corsRefused : status == 429 ? t.sendErrors.rateLimited : status >= 500 ? t.serverNote : t.failedNote;
        return;
      }
      // Too many requests: wait as long as the server asks (within reason), never less than our own delay.
      const delay = status === 429 ? Math.max(next, Math.min(retryAfter ?? 0, 120) * 1000) : next;
      this.sendState = 'retrying';
      const n = this.attemptNo;
      this.sendDetail = (t) => t.retryingNote(Math.round(delay / 1000), n);
      this.schedule('retry', () => void this.sendOutbox(), delay);
      return;
    }
    // 4xx: the answers need changing.
    this.busy = false;
    this.outbox = null;
    const fields = err.error?.fields && typeof err.error.fields === 'object' ? err.error.fields : {};
    this.serverErrors = fields;
    const first = this.stepList.findIndex((s) => s.fields.some((f) => fields[f.name]));
    if (first >= 0) {
      this.sendState = '';
      this.fromReview = true;
      this.stepIndex = first;
      this.saveDraft();
      await this.checkStep(this.stepList[first].fields);
      return;
    }
    // Too large (413): the answers' text when the server says so, or when no file was sent (a proxy's 413 says
    // nothing); else the attachments.
    const how: Refusal = [code == 'idempotencyKeyReused', status == 413 && (!box.files || err.error?.limit == 'text') ? 'textTooLarge' : code, err.error?.message ?? '', code || String(status)];
    assign(this, refused(how, () => this.otherErrors));
    this.saveDraft();
  }

  private retryNow = () => {
    this.attemptNo = 0;
    this.busy = true;
    this.outbox ??= this.pack(this.feedForm!);
    void this.sendOutbox();
  };

  private async gotReceipt(json: Partial<Receipt>, earlier = false): Promise<void> {
    const rules = resolveRules(this.feedForm!);
    let receivedAt = json.receivedAt!;
    const due = () => dueDate(receivedAt, rules.replyWorkingDays, rules.calendar, rules.timeZone);
    let counted: string;
    // A time we cannot read (none, epoch milliseconds, 2026年9月30日): the application is stored all the same, so
    // its receipt is shown, received now.
    try {
      counted = due();
    } catch {
      receivedAt = new Date().toISOString();
      counted = due();
    }
    // The receipt's own fields only: it is kept in storage and sent in a bubbling event, so whatever else a server
    // echoes (the applicant's answers) stays out of both.
    const receipt: Receipt = {
      requestId: json.requestId!, queryCode: json.queryCode!, status: json.status!, receivedAt,
      dueDate: json.dueDate || counted,
    };
    // Who applied and for what, as sent, under the form's labels: a receipt, printed or kept, tells one application from
    // another (it named neither). Kept with it, not in the event. Not for an earlier version's receipt: what it holds
    // is not what the form holds now.
    const sent = cleanSubmission(this.feedForm!, this.asSubmission()).fields;
    const about = earlier ? [] : this.stepList.flatMap((s) => s.fields)
      .filter((f) => /^(name|orgName|description)$/.test(f.name) && typeof own(sent, f.name) == 'string')
      .map((f) => [f.label, own(sent, f.name)] as [string, string]);
    this.keptReceipt = { receipt, earlier, about };
    this.keepInStore(false, null);
    this.keepInStore(true, this.keptReceipt);
    this.busy = false;
    this.sendState = '';
    this.outbox = null;
    this.phase = 'done';
    // 清空表单's question, left open on the review while 提交申请 was pressed, is not the receipt's (填写新的申请's).
    this.confirmClear = false;
    this.idemKey = '';
    this.dispatchEvent(new CustomEvent('request-submitted', { bubbles: true, composed: true, detail: receipt }));
    await this.focusHeading('receipt-h');
  }

  private printPage = () => {
    // Hide the rest of the page while printing (a constructed sheet works under a strict CSP); what is not around the
    // form takes no room either (no blank pages), where :has is known (else those rules alone are dropped); its
    // ancestors are no containing block, so a form in a narrow positioned column prints at the paper's width.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('@media print{body *{visibility:hidden!important}[data-de-print],[data-de-print] *{visibility:visible!important}[data-de-print]{position:absolute;inset:0 auto auto 0;width:100%}body :not(:has([data-de-print]),[data-de-print]){display:none!important}:has([data-de-print]){position:static!important;transform:none!important;contain:none!important}}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    this.setAttribute('data-de-print', '');
    addEventListener('afterprint', () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      this.removeAttribute('data-de-print');
    }, { once: true });
    window.print();
  };

  // ---- rendering ------------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    const form = this.feedForm;
    return html`<div class=${this.rootClasses()} part="base" lang=${requestStrings.shown(this.locale)}>
      <div class="vh" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${form ? html`${this.renderWarnings(this.formFeedCtl.warnings, 0)}${this.phase === 'done' ? this.renderReceipt() : this.phase === 'paper' ? this.renderPaper() : this.renderForm(form)}` : this.renderFeedState(this.formFeedCtl, this.t.formTitle)}
    </div>`;
  }

  private renderForm(form: RequestFormFeed): TemplateResult {
    const t = this.t;
    const rules = resolveRules(form);
    const steps = this.stepList;
    const review = this.stepIndex >= steps.length;
    const names = [...steps.map((s) => s.title), t.reviewTitle];
    const again = this.againNote();
    // (role=none: outside <main>, as on old CMS pages, a <header> is the page's banner landmark, which this is not.)
    return html`
      <header part="header" role="none">
        <h2>${t.formTitle}</h2>
        <p class="agency" lang=${this.labelLang()}>${form.agency.name}</p>
        ${form.intro ? html`<p lang=${this.labelLang()}>${form.intro}</p>` : nothing}
        <p>${t.timeLimit(rules.replyWorkingDays, rules.extensionWorkingDays)}</p>
        ${form.privacyNotice ? html`<p class="help" lang=${this.labelLang()}>${form.privacyNotice}</p>` : nothing}
        <p class="help">${this.persist === 'local' ? t.draftLocal : t.draftSession}</p>
      </header>
      ${/* No live region: the restore and each file chosen again are said by the announcement (it was said twice). */
        again ? html`<div class="panel warning"><p>${again}</p></div>` : nothing}
      ${this.sendState == 'held' && !review ? html`<div class="panel warning"><p>${t.heldNote}</p></div>` : nothing}
      ${/* Whom to apply to instead, on the first step, where the applicant decides; said once a page, not on every
        step after it; the review offers the paper form (生成申请表, not 提交申请), which gives them. */
        this.insecurePanel(this.stepIndex ? nothing : this.renderOffice(3))}
      <nav aria-label=${t.stepsLabel} part="progress" class="progress">
        <p id="step-of">${t.stepOf(this.stepIndex + 1, names.length)}</p>
        <ol>${names.map((n, i) => {
          // Done: before this step, or (after it, reached by Next before: 修改 from the review, a refusal's field) every
          // field left by Next with an answer that holds. The review is done only once sent.
          const done = i < this.stepIndex || i > this.stepIndex && steps[i]?.fields.every((f) => this.leftFields.has(f.name) && !this.problemOf(f));
          return html`<li aria-current=${i === this.stepIndex ? 'step' : nothing} class=${done ? 'past' : ''}><span
          lang=${i < steps.length ? this.labelLang() : nothing}>${n}</span>${done ? html`<span class="vh">${t.stepDone}</span>` : nothing}</li>`;
        })}</ol>
      </nav>
      ${this.renderSummary(review ? [] : steps[this.stepIndex].fields)}
      ${review ? this.renderReview(steps) : this.renderStep(steps[this.stepIndex])}
      <div class="clear">
        ${this.confirmClear
          ? askFirst(t.clearConfirm, t.clearYes, this.clearForm, t.cancelButton, this.closeClear)
          : html`<button class="btn link" type="button" id="clear-open" aria-disabled=${this.sendState === 'sending' ? 'true' : nothing}
              @click=${this.openClear}>${t.clearButton}</button>`}
      </div>`;
  }

  private renderSummary(fields: FormField[]): TemplateResult | typeof nothing {
    const problems = fields.map((f) => [f, this.shownError(f)] as const).filter(([, m]) => m);
    // The server's complaints about fields not on the form are listed too, after those that link to their field: said to
    // be beyond this page, with whom to contact (they do not stop Next; a new submission clears them).
    const others = this.otherErrors;
    const t = this.t;
    if (!this.showSummary || !problems.length && !others.length) return nothing;
    // No role=alert: focus moves to its heading on a failed Next or submit, which reads it once; an alert would be read
    // out again on every edit, as its list changes. A group, so that its name is given to screen readers (a plain div's
    // is not): they say where the list of problems begins and ends.
    return html`<div class="panel error summary" part="error-summary" role="group" aria-labelledby="summary">
      <h3 id="summary" tabindex="-1">${problems.length ? t.summaryTitle : t.othersTitle}</h3>
      ${problems.length ? html`<ul>${problems.map(([f, m]) => html`<li><a href="#f-${f.name}" @click=${(e: Event) => {
        e.preventDefault();
        void this.goToField(f.name, this.fromReview);
      }}>${m}</a></li>`)}</ul>` : nothing}
      ${others.length ? html`<p>${t.othersNote}</p><ul>${others.map((m) => html`<li>${m}</li>`)}</ul>
        ${this.renderOffice()}` : nothing}
    </div>`;
  }

  private renderStep(step: Step): TemplateResult {
    const t = this.t;
    return html`<form novalidate part="step" @submit=${this.goNext} aria-labelledby="step-h">
      <h3 id="step-h" tabindex="-1" aria-describedby="step-of" lang=${this.labelLang()}>${step.title}</h3>
      ${step.help ? html`<p class="help" lang=${this.labelLang()}>${step.help}</p>` : nothing}
      ${step.fields.map((f) => this.renderField(f))}
      <div class="actions">
        ${this.stepIndex > 0 ? html`<button class="btn" type="button" @click=${this.goBack}>${t.backButton}</button>` : nothing}
        <button class="btn primary" type="submit">${this.fromReview ? t.toReview : t.nextButton}</button>
      </div>
    </form>`;
  }

  private renderField(f: FormField): TemplateResult {
    const t = this.t;
    const id = `f-${f.name}`;
    const err = this.shownError(f);
    const v = own(this.entered, f.name);
    const text = typeof v === 'string' ? v : '';
    const list = Array.isArray(v) ? v : [];
    const counter = TEXTUAL.has(f.type) && f.maxLength ? f.maxLength - codePointLength(text) : null;
    const fileHelp = f.type === 'file' ? t.fileHelp(this.typesOf(f), f.maxSizeMB ? String(f.maxSizeMB) : '') : '';
    const desc = [(f.help || fileHelp) && `${id}-help`, counter !== null && `${id}-count`, err && `${id}-error`].filter(Boolean).join(' ') || nothing;
    const invalid = err ? 'true' : nothing;
    const req = isRequired(f, this.asSubmission());
    const required = req ? 'true' : nothing;
    // The space and the mark are one text: a space alone beside Lit's markers is left out of the accessible name
    // (Chromium), which was then 姓名（必填）, Name(required), unlike the label shown.
    const label = html`<span dir=auto lang=${this.labelLang(f)}>${f.label}</span>${req ? html`<span class="req">${' ' + t.requiredMark}</span>` : nothing}`;
    const help = f.help || fileHelp
      ? html`<p class="help" id="${id}-help"><span lang=${this.labelLang()}>${f.help}</span>${f.help && fileHelp ? ' ' : ''}${fileHelp}</p>`
      : nothing;
    const error = err ? html`<p class="field-error" id="${id}-error"><span class="vh">${t.errorPrefix}</span>${err}</p>` : nothing;
    const leave = (e: FocusEvent) => {
      if ((e.currentTarget as Element).contains(e.relatedTarget as Node)) return;
      // Left for a button pressed with the mouse (下一步): its message, put above the field, moved the button down
      // before it was released, and the click was lost. Shown as the button is released, before its click.
      if (pressed) addEventListener('mouseup', () => this.touch(f.name), { once: true, capture: true });
      else this.touch(f.name);
      clearTimeout(this.timers.count); // a count about a field left behind would be read out of context
    };
    const cls = `field${err ? ' invalid' : ''}`;

    if ((f.type === 'radio' || f.type === 'checkbox') && f.options) {
      const on = (o: string) => (f.type === 'radio' ? v === o : list.includes(o));
      return html`<fieldset class=${cls} part="field" id=${id} aria-describedby=${desc} @focusout=${leave}>
        <legend>${label}</legend>${help}${error}
        ${f.options.map((o, i) => html`<div class="choice"><input type=${f.type} id="${id}-${i}" name=${f.name} .value=${o.value}
          .checked=${live(on(o.value))} aria-invalid=${invalid} @change=${(e: Event) => {
            const c = (e.target as HTMLInputElement).checked;
            this.set(f.name, f.type === 'radio' ? o.value : c ? [...list, o.value] : list.filter((x) => x !== o.value));
          }}><label for="${id}-${i}" lang=${this.labelLang()}>${o.label}</label></div>`)}
      </fieldset>`;
    }
    let control: TemplateResult;
    const common = { id, desc, invalid, required };
    if (isSingleCheckbox(f)) {
      return html`<div class=${cls} part="field" @focusout=${leave}>${help}${error}<div class="choice">
        <input type="checkbox" id=${id} name=${f.name} .checked=${live(v === 'true')} aria-invalid=${invalid} aria-describedby=${desc}
          @change=${(e: Event) => this.set(f.name, (e.target as HTMLInputElement).checked ? 'true' : '')}>
        <label for=${id}>${label}</label></div></div>`;
    } else if (f.type === 'select') {
      control = html`<select id=${id} name=${f.name} ?multiple=${f.multiple} aria-invalid=${invalid} aria-describedby=${desc}
        aria-required=${required} @change=${(e: Event) => {
          const s = e.target as HTMLSelectElement;
          this.set(f.name, f.multiple ? [...s.selectedOptions].map((o) => o.value) : s.value);
        }}>${f.multiple ? nothing : html`<option value="">${t.choosePrompt}</option>`}
        ${f.options!.map((o) => html`<option lang=${this.labelLang()} dir=auto .value=${o.value} ?selected=${v === o.value || list.includes(o.value)}>${o.label}</option>`)}</select>`;
    } else if (f.type === 'file') {
      const chosen = own(this.chosenFiles, f.name) ?? [];
      // A restored draft's files are listed too, to be chosen again (or removed, when no longer wanted).
      const again = own(this.againFiles, f.name) ?? [];
      // The input holds the files listed: else it still has a removed one (chosen again, nothing changes), or only the last chosen.
      const put = (list: File[]) => {
        const input = this.shadowRoot!.getElementById(id) as HTMLInputElement | null;
        if (input) {
          const dt = new DataTransfer();
          list.forEach((x) => dt.items.add(x));
          input.files = dt.files;
        }
        this.setFiles(f.name, list);
      };
      control = html`<input type="file" id=${id} name=${f.name} accept=${f.accept ?? nothing} ?multiple=${f.multiple}
        aria-invalid=${invalid} aria-describedby=${desc} @change=${(e: Event) => {
          const picked = [...((e.target as HTMLInputElement).files ?? [])];
          // Several files may be chosen a few at a time (a draft's, asked for by name; other folders): those chosen
          // before stay, but one of the same name, which the new one replaces.
          put(f.multiple ? [...chosen.filter((x) => !picked.some((p) => p.name == x.name)), ...picked] : picked);
          this.touch(f.name);
          // Focus stays on the input, whose new error is not read out: a refused file is said here (WCAG 4.1.3).
          this.announce(() => this.problemOf(f));
        }}>
        ${chosen.length + again.length ? html`<ul class="files" aria-label=${t.chosenLabel}>${[...chosen, ...again].map((file) => {
          const name = typeof file == 'string' ? file : file.name;
          return html`<li><bdi>${name}</bdi>${typeof file == 'string' ? t.paren(t.againMark) : [` (${formatBytes(file.size, this.locale)})`, checkField(f, [file], this.asSubmission()) ? t.paren(t.refusedMark) : '']}
          <button class="btn link" type="button" aria-label=${t.removeLabel(isolate(name))} @click=${async () => {
            const rest = chosen.filter((x) => x !== file);
            this.againFiles = { ...this.againFiles, [f.name]: again.filter((x) => x !== file) };
            put(rest);
            this.announce((t) => t.removedNote(isolate(name)));
            // The button is gone: focus goes back to the file input, not to the page.
            await this.focusHeading(id);
          }}>×</button></li>`;
        })}</ul>` : nothing}`;
    } else {
      control = this.renderTextInput(f, text, common);
    }
    return html`<div class=${cls} part="field" @focusout=${leave}>
      <label for=${id}>${label}</label>${help}${error}${control}
      ${counter !== null ? html`<p class="count ${counter < 0 ? 'over' : ''}" id="${id}-count">${t.charCounter(counter)}</p>` : nothing}
    </div>`;
  }

  private renderTextInput(
    f: FormField, value: string, c: { id: string; desc: string | symbol; invalid: string | symbol; required: string | symbol },
  ): TemplateResult {
    const validator = effectiveValidator(f);
    const hints = validator ? inputHints(validator) : {};
    const ac = own(AUTOCOMPLETE, f.name) ?? hints.autocomplete ?? nothing;
    const onInput = (e: Event) => {
      const val = (e.target as HTMLInputElement).value;
      this.set(f.name, val);
      // Announced near the limit only (20 characters or fewer left), with the field's name, once typing pauses.
      const left = f.maxLength ? f.maxLength - codePointLength(val) : Infinity;
      if (left <= 20) {
        this.schedule('count', () => this.announce((t) => html`<span dir=auto lang=${this.labelLang(f)}>${f.label}</span>${t.colonMark}${t.charCounter(left)}`), 1500);
      } else clearTimeout(this.timers.count);
    };
    if (f.type === 'textarea') {
      return html`<textarea id=${c.id} name=${f.name} rows="5" .value=${live(value)} autocomplete=${ac} aria-invalid=${c.invalid}
        aria-describedby=${c.desc} aria-required=${c.required} @input=${onInput}></textarea>`;
    }
    return html`<input id=${c.id} name=${f.name} type=${f.type} .value=${live(value)} autocomplete=${ac}
      inputmode=${hints.inputMode ?? nothing} spellcheck=${validator ? 'false' : nothing} aria-invalid=${c.invalid}
      aria-describedby=${c.desc} aria-required=${c.required} @input=${onInput}>`;
  }

  /**
   * An answer in words, as the review shows it: what will be sent (normalised: '…002x' → '…002X', spaces out of a
   * mobile number), or "none". On the paper form: every option offered (select, radio, checkbox; a single checkbox is
   * its label), each with ☑ or ☐ (read out as 已勾选 / 未勾选: the glyph alone is not reliably read), nothing for no
   * answer, and a note that chosen files are attached. Options are the feed's labels, marked with the feed's language;
   * the applicant's own words are in no known language and stay in the element's.
   */
  private answerText(f: FormField, paper?: boolean): unknown {
    const t = this.t;
    const sent = own(cleanSubmission(this.feedForm!, this.asSubmission()).fields as Record<string, unknown>, f.name);
    const v = typeof sent === 'string' && !f.options ? sent : this.valueFor(f);
    // A restored draft's files still to be chosen are named as the field lists them (the applicant is not told “none”).
    const list = ([v ?? [], own(this.againFiles, f.name)?.map((n) => n + t.paren(t.againMark)) ?? []].flat() as (string | File)[]).filter(Boolean);
    const lang = this.labelLang();
    if (paper && (f.options?.length || isSingleCheckbox(f))) {
      return (f.options ?? [{ value: 'true', label: f.label }]).map((x, i) => {
        const on = +list.includes(x.value);
        return html`${i ? '　' : ''}<span aria-hidden="true">${'☐☑'[on]}</span><span class="vh">${[t.untickedText, t.tickedText][on]}</span> <span dir=auto lang=${lang}>${x.label}</span>`;
      });
    }
    if (f.options?.length) {
      // A value the options no longer have (a draft kept under an earlier form) is no answer: 未填写 (submitting asks for one).
      const options = list.flatMap((x) => f.options!.find((o) => o.value === x)?.label ?? []).join(listSep(this.formFeedCtl.lang ?? this.locale));
      return options ? html`<span dir=auto lang=${lang}>${options}</span>` : t.noneText;
    }
    const text = isSingleCheckbox(f)
      ? v === 'true' ? t.tickedText : ''
      : list.map((x) => typeof x === 'object' ? x.name : f.type === 'date' ? formatDate(x, dateLocale(this.locale, this.feedForm!.jurisdiction)) : x).join(listSep(this.locale));
    return paper ? `${text} ${f.type === 'file' && list.length ? t.attachedNote : ''}` : text || t.noneText;
  }

  private renderReview(steps: Step[]): TemplateResult {
    const t = this.t;
    const s = this.sendState;
    // The send status is not live (aria-live="off"), nor is the alert of a failure, once it has shown, in a language
    // switched to, the words it said before.
    const d = this.sendDetail;
    const detail = d(t);
    if ((d.l ??= this.locale) != this.locale) d.l = '';
    // (The upload's bar, named 上传进度, is out of the status region: said there, its name came with no figure.)
    return html`<form novalidate part="review" @submit=${this.submitReview} aria-labelledby="step-h">
      <h3 id="step-h" tabindex="-1" aria-describedby="step-of">${t.reviewTitle}</h3>
      <p class="help">${t.reviewHelp}</p>
      ${steps.map((st) => html`<h4 lang=${this.labelLang()}>${st.title}</h4><dl class="answers">
        ${st.fields.map((f) => html`<div><dt lang=${this.labelLang(f)}>${f.label}</dt><dd class="v">${this.answerText(f)}</dd><dd>
          <button class="btn link" type="button" aria-label=${t.changeLabel(isolate(f.label))} aria-disabled=${s === 'sending' ? 'true' : nothing}
            @click=${() => this.goToField(f.name, true)}>${t.changeText}</button>
        </dd></div>`)}
      </dl>`)}
      <div part="send-status" role="status" aria-live=${d.l ? nothing : 'off'}>
        ${s && s != 'failed' && s != 'rejected' ? html`<p>${detail}</p>` : nothing}
      </div>
      ${this.sentShare != null ? html`<label class="send">${t.uploading}
        <progress max="100" .value=${Math.round(this.sentShare * 100)}></progress></label>` : nothing}
      ${s === 'failed' || s === 'rejected'
        ? html`<div class="panel error" part="send-status"><div role=${d.l ? 'alert' : nothing}><p>${detail}</p>
          ${this.asRefused ? html`<p id="same">${whyRefused(this.asRefused, t)}</p>` : nothing}</div>
          ${/* The office's details after the alert, not in it: read at once, they were some 150 characters more. */
            this.stuck ? html`${this.renderOffice()}<p><button class="btn" type="button" @click=${this.toPaper}>${t.makePaper}</button></p>` : nothing}</div>`
        : nothing}
      <div class="actions">
        <button class="btn" type="button" aria-disabled=${s === 'sending' ? 'true' : nothing} @click=${this.goBack}>${t.backButton}</button>
        ${s === 'failed' || s === 'retrying' || s === 'offline'
          ? html`<button class="btn" type="button" id="retry" @click=${this.retryNow}>${t.retryNow}</button>`
          : nothing}
        <button class="btn primary" type="submit" id="send" aria-disabled=${this.busy || this.asRefused ? 'true' : 'false'}
          aria-describedby=${this.asRefused ? 'same' : nothing}>${this.sendable ? t.submitButton : t.makePaper}</button>
      </div>
    </form>`;
  }

  private renderReceipt(): TemplateResult {
    const t = this.t;
    const { receipt: r, earlier, about } = this.keptReceipt!;
    const rules = resolveRules(this.feedForm!), dl = dateLocale(this.locale, this.feedForm!.jurisdiction);
    // The status page, with the code filled in (never the name: it would end up in logs and browser history).
    const page = this.feedForm!.status?.page;
    const link = page && new URL(page);
    link && link.searchParams.set('querycode', r.queryCode);
    // A due date in a year whose holidays the calendar does not list yet (the State Council publishes them in November or
    // December) may be later than counted: said next to it (unlistedYear).
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-h">
      <h2 id="receipt-h" tabindex="-1">${t.receiptTitle}</h2>
      <p class="agency" lang=${this.labelLang()}>${this.feedForm!.agency.name}</p>
      ${earlier ? html`<div class="panel warning"><p>${t.earlierVersion}</p>${this.renderOffice(3)}</div>` : nothing}
      <p>${t.queryCodeLabel}</p>
      <p class="code" id="code">${r.queryCode}</p>
      <p class="help">${t.queryCodeHelp}</p>
      ${link ? html`<p><a href=${link.href}>${t.statusLink}</a></p>` : nothing}
      <dl class="answers">
        ${Array.isArray(about) && about.map(([label, v]) => html`<div><dt lang=${this.labelLang()}>${label}</dt><dd class="v" dir=auto>${v}</dd></div>`)}
        <div><dt>${t.receivedLabel}</dt><dd>${formatDateTime(r.receivedAt, dl, rules.timeZone)}</dd></div>
        <div><dt>${t.dueLabel}</dt><dd>${formatDate(r.dueDate, dl)} <span class="help">${t.paren(t.dueHelp(rules.replyWorkingDays, unlistedYear(r.dueDate, rules.calendar)))}</span></dd></div>
      </dl>
      <div class="actions">
        <button class="btn" type="button" @click=${async () => {
          const ok = await navigator.clipboard?.writeText(r.queryCode).then(() => 1, () => 0);
          // Not copied (an http page has no clipboard; permission refused): the code is selected for the applicant.
          if (!ok) getSelection()?.selectAllChildren(this.shadowRoot!.getElementById('code')!);
          this.announce((t) => (ok ? t.copied : t.copyFailed));
        }}>${t.copyButton}</button>
        <button class="btn primary" type="button" @click=${this.printPage}>${t.printButton}</button>
        ${this.confirmClear ? nothing : html`<button class="btn" type="button" id="clear-open" @click=${this.openClear}>${t.newApplication}</button>`}
      </div>
      ${/* One wrong press lost the query code (the receipt is not shown again): asked first, the code said in the question. */
        this.confirmClear ? askFirst(t.newConfirm(r.queryCode), t.newApplication, this.newApplication, t.cancelButton, this.closeClear) : nothing}
    </section>`;
  }

  private renderPaper(): TemplateResult {
    const t = this.t;
    const form = this.feedForm!;
    return html`<section class="paper" part="paper" aria-labelledby="paper-h">
      <h2 id="paper-h" tabindex="-1">${this.withFeedText(t.paperTitle, form.agency.name)}</h2>${this.insecurePanel()}
      <table aria-labelledby="paper-h">
        ${this.stepList.map((st) => html`<tbody>${st.fields.map((f, i) => html`<tr>
          ${i === 0 ? html`<th scope="rowgroup" rowspan=${st.fields.length} class="block" lang=${this.labelLang()}><span>${st.title}</span></th>` : nothing}
          ${isSingleCheckbox(f) ? nothing : html`<th scope="row" lang=${this.labelLang(f)}>${f.label}</th>`}
          <td colspan=${isSingleCheckbox(f) ? 2 : 1}>${this.answerText(f, true)}</td>
        </tr>`)}</tbody>`)}
        <tbody><tr><th scope="row" colspan="2">${t.signatureLabel}</th><td class="sign"></td></tr>
        <tr><th scope="row" colspan="2">${t.dateLabel}</th><td>${t.dateBlank}</td></tr></tbody>
      </table>
      <p class="help">${this.withFeedText(isFoia(form.jurisdiction) ? t.paperHelpNoId : t.paperHelp, form.agency.name)}</p>${this.renderOffice(3)}
      <div class="actions">
        <button class="btn" type="button" @click=${async () => {
          this.phase = 'form';
          await this.focusHeading();
        }}>${t.edit}</button>
        <button class="btn primary" type="button" @click=${this.printPage}>${t.printButton}</button>
      </div>
    </section>`;
  }
}
