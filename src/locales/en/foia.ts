import en from './request.js';
import type { RequestMessages } from '../zh-CN/request.js';
import type { Jurisdiction } from '../../rules/working-days.js';

/**
 * The English strings of a US or UK FOIA form (jurisdiction US-FOIA, UK-FOIA), in the words its requesters and office
 * use: a request (not an application), the requester (not the applicant), its tracking number (US: 5 U.S.C.
 * 552(a)(7)(A) requires an individualized one) or reference number (UK), the status (not the progress) of a request.
 * en/request.ts is written for China's 依申请公开, translated. Its own chunk, loaded only for such a form shown in
 * English (src/locales/request.ts): no byte of it goes to a Chinese form.
 *
 * Every English string is taken over with those words swapped (so a string added to en/request.ts later is swapped
 * too); what a swap would not say well is written here. Functions are not swapped (their parameters may be feed or
 * server text, a file called application.pdf): those that speak of an application are written here.
 * test/foia.test.ts reads every string of both for a word of the Chinese procedure.
 */
function foia(code: string, own: Partial<RequestMessages>): RequestMessages {
  /** A request, the requester, its `code`, for an application, the applicant, its query code (capitals kept). */
  const swap = (s: string) =>
    s.replace(/\b(an )?(applicant|application|query code)/gi, (m, an?: string, w?: string) => {
      const to = `${an ? 'a ' : ''}${/^query/i.test(w!) ? code : /t$/i.test(w!) ? 'requester' : 'request'}`;
      return m[0]! < 'a' ? to[0]!.toUpperCase() + to.slice(1) : to;
    });
  const swapped = Object.fromEntries(Object.entries(en).map(([k, v]) => [k,
    typeof v == 'string' ? swap(v) : typeof v == 'object' ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, swap(s)])) : v]));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    ...(swapped as RequestMessages),
    timeLimit: (reply: number, ext: number) =>
      `We will reply within ${reply} working days of receiving your request. If we need more time, the extension is at most ${ext} working days.`,
    retryingNote: (s: number, n: number) => `Not sent yet. Your request is kept; we will try again in ${plural(s, 'second')} (attempt ${n}).`,
    insecureAhead: 'To protect your personal data, requests cannot be sent from this page: the address that receives them does not use an encrypted https connection. Please tell the site’s webmaster, or send your request to the office in writing.',
    sendUnknown: (message: string, status: string) =>
      `The server did not accept the request (${status}${message ? `: ${message}` : ''}). It is kept on this page; if this goes on, contact the agency.`,
    newConfirm: (c: string) => `A new request removes this receipt from the page. Write down the ${code} ${c} or print the receipt first.`,
    queryCodeHelp: `Write down or print the ${code}. With it and the requester’s name you can check the status of your request.`,
    statusLink: 'Check the status',
    signatureLabel: 'Signature of the requester',
    statusTitle: 'Check the status of a request',
    noStatusEndpoint: 'The status of a request cannot be checked on this page (its lookup address is missing or not https). Please ask the office.',
    ...own,
  };
}

/** By jurisdiction: the words of a US and of a UK office. */
const words: Readonly<Partial<Record<Jurisdiction, RequestMessages>>> = {
  'US-FOIA': foia('tracking number', {
    formTitle: 'FOIA request',
    paperTitle: 'FOIA request to {agency}',
    officeLabels: { ...en.officeLabels, postcode: 'ZIP code', hours: 'Office hours' },
    dateBlank: 'Month ____ Day ____ Year ________',
    // A box is checked, not ticked, in the US.
    tickedText: 'Checked',
    untickedText: 'Not checked',
    errorMessages: { ...en.errorMessages, 'required.check': 'Read and check the box “{label}”.' },
  }),
  // FOIA 2000 s.8: a request for information.
  'UK-FOIA': foia('reference number', {
    formTitle: 'Request for information',
    paperTitle: 'Request for information to {agency}',
    // The day first, as a UK reader writes a date.
    dateBlank: 'Day ____ Month ____ Year ________',
  }),
};

export default words;
