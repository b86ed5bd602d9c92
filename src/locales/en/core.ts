import type { CoreMessages } from '../zh-CN/core.js';

const en: { [K in keyof CoreMessages]: CoreMessages[K] } = {
  loading: 'Loading…',
  slow: 'Still loading: the server is slow to answer. Please wait…',
  retry: 'Try again',
  errorTitle: (what: string) => `The data cannot be shown: ${what}`,
  errorNotFound: 'The data file was not found (404). The address may be wrong, or the file has moved.',
  errorServer: (status: number) => `The server had an error (${status}) and could not send the data. Please try again later.`,
  errorHttp: (status: number) => `The server refused the request (${status}).`,
  errorInvalidJson: 'The data file is damaged (not valid JSON) and cannot be shown. Please tell the site’s webmaster.',
  errorHtml: 'A web page arrived instead of the data file. The address may be wrong; please tell the site’s webmaster.',
  errorTimeout: (seconds: number) => `The server did not answer within ${seconds} seconds. Check your connection and try again.`,
  errorNetwork: 'Could not reach the server. Check your internet connection and try again.',
  errorScript: 'A program on this page went wrong, and the data could not be shown (this is not your connection). Reload the page; if that does not help, please tell the website administrator.',
  errorSchemaVersion: (version: string) =>
    `This data file uses a newer format (version ${version}) that this component cannot read. The webmaster needs to update disclosure-elements.`,
  errorInvalidRoot: (detail: string) => `The data file lacks required content: ${detail}`,
  errorNoSrc: 'No data address (src) is set.',
  warningSkipped: (n: number) => (n === 1 ? '1 entry could not be shown because it has errors.' : `${n} entries could not be shown because they have errors.`),
  warningIgnored: (n: number) => (n === 1 ? '1 problem in the data was ignored; the affected detail is left out, the rest is shown.' : `${n} problems in the data were ignored; the affected details are left out, the rest is shown.`),
  warningDetails: 'Details',
  warningMore: (n: number) => `${n} more problems are not listed.`,
};

export default en;
