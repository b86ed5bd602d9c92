import type { MessageBundle } from '../core/locale.js';

/** UI strings shared by every element: loading, feed errors, warnings. */
const zh = {
  loading: '正在加载…',
  slow: '仍在加载，服务器响应较慢，请稍候…',
  retry: '重试',
  errorTitle: '无法显示数据',
  errorNotFound: '找不到数据文件（404）。地址可能有误，或文件已被移走。',
  errorServer: (status: number) => `服务器出错（${status}），暂时无法读取数据。请稍后重试。`,
  errorHttp: (status: number) => `服务器拒绝了请求（${status}）。`,
  errorInvalidJson: '数据文件格式有误（不是有效的 JSON），无法显示。请联系网站管理员。',
  errorHtml: '收到的是一个网页，而不是数据文件。地址可能有误，请联系网站管理员。',
  errorTimeout: (seconds: number) => `服务器超过 ${seconds} 秒没有响应。请检查网络后重试。`,
  errorNetwork: '无法连接服务器。请检查网络连接后重试。',
  errorSchemaVersion: (version: string) =>
    `此数据文件使用了更新的格式（版本 ${version}），当前组件无法读取。请网站管理员升级 disclosure-elements。`,
  errorInvalidRoot: (detail: string) => `数据文件缺少必要内容：${detail}`,
  errorNoSrc: '没有设置数据地址（src）。',
  warningSkipped: (n: number) => `有 ${n} 条数据有误，未能显示。`,
  warningIgnored: (n: number) => `数据中有 ${n} 处问题，相关内容已略去，其余照常显示。`,
  warningDetails: '查看详情',
  warningMore: (n: number) => `另有 ${n} 处问题未列出。`,
  loadedFrom: '数据来源',
};

const en: { [K in keyof typeof zh]: (typeof zh)[K] } = {
  loading: 'Loading…',
  slow: 'Still loading: the server is slow to answer. Please wait…',
  retry: 'Try again',
  errorTitle: 'The data cannot be shown',
  errorNotFound: 'The data file was not found (404). The address may be wrong, or the file has moved.',
  errorServer: (status: number) => `The server had an error (${status}) and could not send the data. Please try again later.`,
  errorHttp: (status: number) => `The server refused the request (${status}).`,
  errorInvalidJson: 'The data file is damaged (not valid JSON) and cannot be shown. Please tell the site’s webmaster.',
  errorHtml: 'A web page arrived instead of the data file. The address may be wrong; please tell the site’s webmaster.',
  errorTimeout: (seconds: number) => `The server did not answer within ${seconds} seconds. Check your connection and try again.`,
  errorNetwork: 'Could not reach the server. Check your internet connection and try again.',
  errorSchemaVersion: (version: string) =>
    `This data file uses a newer format (version ${version}) that this component cannot read. The webmaster needs to update disclosure-elements.`,
  errorInvalidRoot: (detail: string) => `The data file lacks required content: ${detail}`,
  errorNoSrc: 'No data address (src) is set.',
  warningSkipped: (n: number) => (n === 1 ? '1 entry could not be shown because it has errors.' : `${n} entries could not be shown because they have errors.`),
  warningIgnored: (n: number) => (n === 1 ? '1 problem in the data was ignored; the affected detail is left out, the rest is shown.' : `${n} problems in the data were ignored; the affected details are left out, the rest is shown.`),
  warningDetails: 'Details',
  warningMore: (n: number) => `${n} more problems are not listed.`,
  loadedFrom: 'Data source',
};

export const coreMessages: MessageBundle<typeof zh> = { 'zh-CN': zh, en };
