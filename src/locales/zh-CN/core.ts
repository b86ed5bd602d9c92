/** UI strings shared by every element: loading, feed errors, warnings. */
const zh = {
  loading: '正在加载…',
  slow: '仍在加载，服务器响应较慢，请稍候…',
  retry: '重试',
  errorTitle: (what: string) => `无法显示数据：${what}`,
  errorNotFound: '找不到数据文件（404）。地址可能有误，或文件已被移走。',
  errorServer: (status: number) => `服务器出错（${status}），暂时无法读取数据。请稍后重试。`,
  errorHttp: (status: number) => `服务器拒绝了请求（${status}）。`,
  errorInvalidJson: '数据文件格式有误（不是有效的 JSON），无法显示。请联系网站管理员。',
  errorHtml: '收到的是一个网页，而不是数据文件。地址可能有误，请联系网站管理员。',
  errorTimeout: (seconds: number) => `服务器超过 ${seconds} 秒没有响应。请检查网络后重试。`,
  errorNetwork: '无法连接服务器。请检查网络连接后重试。',
  errorScript: '本页的程序出错，数据未能显示（不是网络问题）。请刷新页面；仍不行的，请联系网站管理员。',
  errorSchemaVersion: (version: string) =>
    `此数据文件使用了更新的格式（版本 ${version}），当前组件无法读取。请网站管理员升级 disclosure-elements。`,
  errorInvalidRoot: (detail: string) => `数据文件缺少必要内容：${detail}`,
  errorNoSrc: '没有设置数据地址（src）。',
  warningSkipped: (n: number) => `有 ${n} 条数据有误，未能显示。`,
  warningIgnored: (n: number) => `数据中有 ${n} 处问题，相关内容已略去，其余照常显示。`,
  warningDetails: '查看详情',
  warningMore: (n: number) => `另有 ${n} 处问题未列出。`,
};

export type CoreMessages = typeof zh;
export default zh;
