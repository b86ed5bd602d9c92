/**
 * Feed variants for the stories. `.storybook/mock.ts` serves `FEEDS[name]` at `mock/feed/<name>` (relative to the
 * Storybook iframe), so a story picks a variant with `src="mock/feed/<name>"`. The sample feeds under `demo/feeds`
 * are served as they are at `feeds/…`.
 *
 * URLs inside these feeds are relative to the feed's own URL (`…/mock/feed/<name>`): `../api/requests` is the mocked
 * intake API at `…/mock/api/requests`, `../503` the mocked failing server.
 */
import requestFormSample from '../demo/feeds/request-form.json';
import requestFormUsFoiaSample from '../demo/feeds/request-form-us-foia.json';

/* ------------------------------------------------------------------ catalogue */

const categories = [
  { id: 'zwxx', label: '政务信息', parentId: null, order: 1 },
  { id: 'zwxx-qzf', label: '区政府', parentId: 'zwxx', order: 1 },
  { id: 'zwxx-bm', label: '各部门公开目录', parentId: 'zwxx', order: 2 },
  { id: 'wjgb', label: '文件公报', parentId: null, order: 2 },
  { id: 'gggs', label: '公告公示', parentId: null, order: 3 },
];

const facets = {
  topic: [
    { id: 'zhzw', label: '综合政务' },
    { id: 'czjr', label: '财政、金融、审计' },
    { id: 'cxjs', label: '城乡建设、环境保护' },
    { id: 'kjjy', label: '科技、教育' },
  ],
  genre: [
    { id: 'tz', label: '通知' },
    { id: 'gg', label: '公告' },
    { id: 'bg', label: '报告' },
  ],
  publisher: [
    { id: 'qzf', label: '岳阳市君山区人民政府' },
    { id: 'czj', label: '区财政局' },
    { id: 'jyj', label: '区教育局' },
  ],
};

const smallItems = [
  ['qzf-2024-001', '君山区2024年财政预算执行情况报告', 'czjr', 'bg', 'qzf', 'zwxx-qzf', '2024-03-12', '君政发〔2024〕3号'],
  ['qzf-2024-002', '关于做好2024年春季森林防火工作的通知', 'zhzw', 'tz', 'qzf', 'wjgb', '2024-02-20', '君政办发〔2024〕5号'],
  ['czj-2024-003', '区财政局2024年部门预算公开', 'czjr', 'gg', 'czj', 'zwxx-bm', '2024-02-01', undefined],
  ['jyj-2024-004', '区教育局关于2024年秋季学期义务教育招生的公告', 'kjjy', 'gg', 'jyj', 'gggs', '2024-06-18', undefined],
  ['qzf-2023-005', '君山区2023年政府信息公开工作年度报告', 'zhzw', 'bg', 'qzf', 'zwxx-qzf', '2024-01-25', undefined],
  ['qzf-2023-006', '关于印发《君山区城乡环境综合整治实施方案》的通知', 'cxjs', 'tz', 'qzf', 'wjgb', '2023-09-08', '君政发〔2023〕12号'],
  ['czj-2023-007', '区财政局2023年预算调整方案公示', 'czjr', 'gg', 'czj', 'gggs', '2023-08-15', undefined],
  ['jyj-2023-008', '区教育局2023年教育事业发展统计公报', 'kjjy', 'bg', 'jyj', 'zwxx-bm', '2023-04-03', undefined],
] as const;

/** A dozen entries: quick to load, easy to search ("预算" finds three). */
export const smallCatalogue = {
  schemaVersion: 1,
  lang: 'zh-CN',
  publisher: { name: '岳阳市君山区人民政府', id: '430611' },
  title: '君山区政府信息公开目录（小样例）',
  categories,
  facets,
  items: smallItems.map(([id, title, topic, genre, publisher, category, date, docNo]) => ({
    id, title, summary: `${title}。详见正文。`, publisher, datePublished: date, dateCreated: date,
    categoryIds: [category], topicIds: [topic], genreId: genre, keywords: [], validity: 'valid',
    url: `https://www.example.gov.cn/content/${id}.html`, ...(docNo ? { docNo } : {}),
  })),
};

/** A valid feed with no entries. */
export const emptyCatalogue = { ...smallCatalogue, title: '君山区政府信息公开目录（暂无条目）', items: [] };

/** Some entries cannot be shown (no title, no id, duplicate id) and some have bad fields: the warning panel. */
export const invalidItemsCatalogue = {
  ...smallCatalogue,
  title: '君山区政府信息公开目录（含无效条目）',
  items: [
    ...smallCatalogue.items.slice(0, 4),
    { id: 'bad-1', categoryIds: ['wjgb'] },
    { title: '没有编号的条目', categoryIds: ['wjgb'] },
    { ...smallCatalogue.items[0], title: '重复编号的条目' },
    { id: 'bad-4', title: '日期和有效性写错的条目', datePublished: '2024-13-45', validity: 'maybe', categoryIds: ['gggs'] },
    'not an object',
    { id: 'bad-6', title: 42 },
  ],
};

const XSS = '<img src=x onerror=alert(1)>';
/** Script and markup in every text field, `javascript:` links: everything must show as plain text, no link. */
export const hostileCatalogue = {
  schemaVersion: 1,
  publisher: { name: `${XSS}岳阳市君山区人民政府`, id: '430611' },
  title: `<script>alert(1)</script>${XSS}`,
  guideUrl: 'javascript:alert(1)',
  categories: [
    { id: 'h1', label: `${XSS}政务信息`, parentId: null },
    { id: 'h2', label: '<iframe src="javascript:alert(1)"></iframe>', parentId: 'h1' },
  ],
  facets: {
    topic: [{ id: 't', label: `<svg onload=alert(1)>主题` }],
    genre: [{ id: 'g', label: `${XSS}通知` }],
    publisher: [{ id: 'p', label: `${XSS}发布机构` }],
  },
  items: [
    {
      id: 'x1', title: `${XSS}标题里的图片`, summary: '<script>alert(document.cookie)</script>摘要', url: 'javascript:alert(1)',
      docNo: `${XSS}`, publisher: 'p', categoryIds: ['h1'], topicIds: ['t'], genreId: 'g', datePublished: '2024-01-02',
      keywords: [XSS], attachments: [{ name: `${XSS}.pdf`, url: 'javascript:alert(1)' }, { name: 'data.pdf', url: 'data:text/html,<script>alert(1)</script>' }],
    },
    {
      id: 'x2', title: '<a href="javascript:alert(1)">点我</a>', summary: `${XSS}`, url: ' JaVaScRiPt:alert(1)', categoryIds: ['h2'],
      datePublished: '2024-01-03', publisher: `${XSS}`,
    },
    { id: 'x3', title: '"><img src=x onerror=alert(1)>', url: 'vbscript:msgbox(1)', categoryIds: ['h2'], datePublished: '2024-01-04' },
  ],
};

/**
 * A feed split into pages (`page.next`, relative to the feed's URL): the first four entries here, the rest in
 * `catalogue-paged-2`, loaded after the first page is shown.
 */
export const pagedCatalogue = {
  ...smallCatalogue,
  title: '君山区政府信息公开目录（分页提供）',
  items: smallCatalogue.items.slice(0, 4),
  page: { total: smallCatalogue.items.length, next: 'catalogue-paged-2' },
};
export const pagedCatalogue2 = { schemaVersion: 1, items: smallCatalogue.items.slice(4), page: { next: null } };
/** A paged feed whose second page is missing (404): what loaded stays, and a notice says the rest failed. */
export const pagedCatalogueBroken = { ...pagedCatalogue, title: '君山区政府信息公开目录（第二页缺失）', page: { total: 8, next: '../404' } };

/** Remote mode: the server filters and pages (`search.endpoint`, the mocked `mock/api/search`). */
export const remoteCatalogue = {
  ...smallCatalogue,
  title: '君山区政府信息公开目录（服务器检索）',
  items: [],
  search: { endpoint: '../api/search' },
};
/** Remote mode against a search endpoint whose answers have no facetCounts: the years come from the entries seen. */
export const remoteCatalogueUncounted = { ...remoteCatalogue, search: { endpoint: '../api/search-uncounted' } };
/** Remote mode against a search endpoint that answers 500: the error, with a retry button. */
export const remoteCatalogueBroken = { ...remoteCatalogue, title: '君山区政府信息公开目录（检索服务故障）', search: { endpoint: '../500' } };

/**
 * The answer of the mocked remote search endpoint for a query string (`q`, `category`, `from`, `to`, `sort`, `page`,
 * `pageSize`), with `facetCounts.year` (counted under the other conditions), which the year facet offers.
 */
export function remoteSearch(params: URLSearchParams): unknown {
  const q = (params.get('q') ?? '').trim();
  const category = params.get('category');
  const under = (id: string): boolean => {
    for (let c: string | null | undefined = id; c; c = categories.find((x) => x.id === c)?.parentId) if (c === category) return true;
    return false;
  };
  const others = smallCatalogue.items
    .filter((i) => !q || q.split(/\s+/).every((w) => i.title.includes(w)))
    .filter((i) => !category || i.categoryIds.some(under));
  const year: Record<string, number> = {};
  for (const i of others) year[i.datePublished.slice(0, 4)] = (year[i.datePublished.slice(0, 4)] ?? 0) + 1;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '9999';
  const matches = others
    .filter((i) => i.datePublished >= from && i.datePublished <= to)
    .sort((a, b) => (params.get('sort') === 'published-asc' ? a.datePublished.localeCompare(b.datePublished) : b.datePublished.localeCompare(a.datePublished)));
  const size = Math.max(1, Number(params.get('pageSize')) || 20);
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { schemaVersion: 1, lang: 'zh-CN', items: matches.slice((page - 1) * size, page * size), page: { total: matches.length }, facetCounts: { year } };
}

/* ------------------------------------------------------------------ annual reports */

/**
 * An index of three years whose 2021 file is missing (404): that year shows an error with a retry button, the year
 * picker and the other years keep working. URLs are relative to `…/mock/feed/annual-index-missing`.
 */
export const annualIndexMissingYear = {
  schemaVersion: 1,
  lang: 'zh-CN',
  publisher: { name: '岳阳市君山区人民政府', id: '430611' },
  reports: [
    { year: 2020, url: '../../feeds/annual/2020.json' },
    { year: 2021, url: '../404' },
    { year: 2022, url: '../../feeds/annual/2022.json' },
  ],
};

/**
 * An index of two years in the 2021 format (2021 with its reconciliation warnings, and 2022): every row of Table 三 is
 * a figure of the trend, so its figure picker holds the longest national labels. Relative to `…/mock/feed/annual-index-2021`.
 */
export const annualIndex2021 = {
  schemaVersion: 1,
  lang: 'zh-CN',
  publisher: { name: '岳阳市君山区人民政府', id: '430611' },
  reports: [
    { year: 2021, url: '../../feeds/annual/broken-2021.json' },
    { year: 2022, url: '../../feeds/annual/2022.json' },
  ],
};

/* ------------------------------------------------------------------ request form and status */

type Json = Record<string, unknown>;
const sample = requestFormSample as unknown as Json;

/** The sample form in api mode, its endpoints pointing at the mocked intake API. */
export const requestFormApi: Json = {
  ...sample,
  submit: { mode: 'api', endpoint: '../api/requests', encoding: 'json' },
  status: { endpoint: '../api/requests/status' },
};

/**
 * The office whose details a form gives: where to post a paper form, whom to contact when the applicant cannot finish
 * online (a lasting server error, a refusal they cannot fix, a plain-http endpoint, messages about fields not on the form).
 */
const JUNSHAN_OFFICE = {
  name: '君山区政务公开办', address: '湖南省岳阳市君山区柳林洲镇君山大道1号', postcode: '414005', hours: '工作日 8:30—12:00，14:30—17:30',
  phone: '0730-1234567', email: 'zfxxgk@junshan.example.gov.cn',
};

/** A two-field form, quick to fill in a `play` function. `endpoint` picks the mocked answer. */
function shortForm(endpoint: string): Json {
  return {
    schemaVersion: 1,
    lang: 'zh-CN',
    jurisdiction: 'CN-OGI-2019',
    agency: { name: '岳阳市君山区人民政府办公室', office: JUNSHAN_OFFICE },
    intro: '示例：只有两个问题的申请表。',
    sections: [
      {
        id: 'request',
        title: '所需政府信息',
        fields: [
          { name: 'name', type: 'text', label: '姓名', required: true, maxLength: 50 },
          { name: 'description', type: 'textarea', label: '所需政府信息的名称、文号或者便于查询的其他特征性描述', maxLength: 2000 },
        ],
      },
    ],
    submit: { mode: 'api', endpoint, encoding: 'json' },
    // The receipt links to the request-status story, which fills in the code from the link's ?querycode=.
    status: { endpoint: '../api/requests/status', page: '../../iframe.html?id=elements-request-status--default&viewMode=story' },
  };
}

/**
 * A form whose calendar lists 2026's holidays only, and an application received on 10 December 2026: its due date,
 * counted into 2027, may be later than counted (the 2027 arrangement is not listed yet), as the receipt says.
 */
export const requestFormNextYear: Json = {
  ...shortForm('../api/requests-next-year'),
  rules: {
    calendar: {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      extraWorkdays: ['2026-09-20', '2026-10-10'],
    },
  },
};
/** Submissions never answered: the sending state. */
export const requestFormHanging = shortForm('../slow/requests');
/** The sample form whose status lookups are answered with 503: a lookup error with a retry. */
export const requestFormStatusDown: Json = { ...requestFormApi, status: { endpoint: '../503' } };
/** The sample form whose status lookups never reach a server (the connection fails: fetch rejects). */
export const requestFormStatusOffline: Json = { ...requestFormApi, status: { endpoint: '../network-error/status' } };
/** The sample form whose status lookups would go to a plain http address: this page cannot look applications up. */
export const requestFormStatusHttp: Json = { ...requestFormApi, status: { endpoint: 'http://example.gov.cn/api/status' } };
/** The sample form whose status lookups are answered with a web page (200, HTML: a CMS error page instead of JSON). */
export const requestFormStatusHtml: Json = { ...requestFormApi, status: { endpoint: '../html' } };
/** The sample form whose status endpoint is a wrong address: the web server answers its 404 page (HTML), not the service's JSON 404. */
export const requestFormStatusWrongAddress: Json = { ...requestFormApi, status: { endpoint: '../html-404' } };
/** The sample form whose status lookups are answered with 429 (too many lookups, e.g. after wrong names). */
export const requestFormStatusLimited: Json = { ...requestFormApi, status: { endpoint: '../429' } };

/**
 * A US agency's FOIA request form in English (`demo/feeds/request-form-us-foia.json`, jurisdiction US-FOIA: 20 + 10
 * working days, US federal holidays, New York time), in api mode against the mocked intake API.
 */
export const requestFormUsFoia: Json = {
  ...(requestFormUsFoiaSample as unknown as Json),
  submit: { mode: 'api', endpoint: '../api/requests-us', encoding: 'json' },
  status: { endpoint: '../api/requests/status' },
};

/**
 * A UK public authority's request for information (jurisdiction UK-FOIA, English): the US sample's contact details and
 * records asked for, with a UK postcode and no fees step, in api mode against the mocked intake API.
 */
export const requestFormUkFoia: Json = {
  ...requestFormUsFoia,
  jurisdiction: 'UK-FOIA',
  agency: {
    name: 'Example Borough Council',
    office: { name: 'Information Governance Team', address: 'Town Hall, High Street, Exampleton', postcode: 'EX1 1AA', email: 'foi@example.gov.uk' },
  },
  intro: 'Under the Freedom of Information Act 2000 you may ask for information the council holds. Describe it as precisely as you can.',
  privacyNotice: 'We use the information you give only to answer your request and any review of our answer.',
  rules: undefined,
  sections: (requestFormUsFoiaSample as unknown as { sections: Json[] }).sections
    .filter((s) => s.id != 'fees')
    .map((s) => ({ ...s, fields: (s.fields as Json[]).map((f) => (f.name == 'postcode' ? { name: 'postcode', type: 'text', label: 'Postcode', required: true, maxLength: 8 } : f)) })),
};

/** Submissions answered with 503 (the element retries, then says it failed). */
export const requestFormServerError = shortForm('../503');
/** Submissions answered with a web page, 200 (an endpoint naming the website's home page): the service is broken. */
export const requestFormWebPage = shortForm('../api/requests-home');
/** Submissions answered with a firewall's block page, 403: no refusal of the answers, the service is broken. */
export const requestFormBlocked = shortForm('../api/requests-blocked');
/** Submissions answered with 201 and a receipt. */
export const requestFormShort = shortForm('../api/requests');
/** Submissions answered as changed answers after a lost answer: 422 idempotencyKeyReused with the stored receipt. */
export const requestFormChanged = shortForm('../api/requests-changed');
/**
 * Submissions answered 422 idempotencyKeyReused without a receipt: an earlier version arrived, but the server gives no
 * receipt of it (one that keeps none, or a proxy in between): nothing the page can fix, so whom to contact.
 */
export const requestFormReused = shortForm('../api/requests-reused');

/** Submissions answered with 422 and field errors: the form goes back to the fields, the server's words beside them. */
export const requestFormInvalid = shortForm('../api/requests-invalid');
/**
 * Submissions answered with 422 naming a field of the form and one it does not have (the feed and the server
 * disagree): the second cannot be fixed on the page, so the form says whom to contact, with the office's details.
 */
export const requestFormOtherFields = shortForm('../api/requests-other-fields');
/**
 * The short form in print mode, with the choices a paper form prints in full (a select, radio buttons, a checkbox
 * group) and a declaration: the paper 申请表 shows every option, ☑ for the chosen ones and ☐ for the others.
 */
export const requestFormPaper: Json = (() => {
  const form = shortForm('');
  const [section] = form.sections as { fields: unknown[] }[];
  const options = (...labels: string[]) => labels.map((label, i) => ({ value: `o${i}`, label }));
  return {
    ...form,
    sections: [{
      ...section,
      fields: [
        ...section!.fields,
        { name: 'purpose', type: 'select', label: '所需信息的用途', options: options('自身生产、生活、科研需要', '其他') },
        { name: 'carrier', type: 'checkbox', label: '所需信息的指定提供载体形式', options: options('纸质', '电子邮件', '光盘') },
        { name: 'delivery', type: 'radio', label: '获取信息的方式', options: options('邮寄', '电子邮件', '自行领取') },
        { name: 'declaration', type: 'checkbox', label: '我承诺所提供的材料真实有效', required: true },
      ],
    }],
    submit: { mode: 'print' },
  };
})();
/**
 * Submissions to a plain-http endpoint on another host: the element refuses to send personal data there (nothing is
 * requested; `.example` is never resolved).
 */
export const requestFormInsecure = shortForm('http://intake.junshan.example/api/requests');

/** An origin whose intake API refuses this page by CORS (simulated in `.storybook/mock.ts`, never requested). */
export const CORS_REFUSING_ORIGIN = 'https://intake.junshan.example';

/**
 * The paper form's questions (choices and a declaration) in api mode, sending to an intake API that refuses the
 * application with a code the element does not know (422 `notAccepted`): nothing on the page can fix it, so the form
 * offers the office's details and the paper 申请表, whose choices print with ☑/☐.
 */
export const requestFormRefused: Json = { ...requestFormPaper, submit: { mode: 'api', endpoint: '../api/requests-refused', encoding: 'json' } };
/**
 * Submissions answered 413 as the intake server answers them (`payloadTooLarge`, `limit: text` for a JSON body of
 * answers, `limit: body` for a multipart one with files). This form has no file field: the answers are too long.
 */
export const requestFormTextTooLarge = shortForm('../api/requests-too-large');
/** The same 413 to a form with an attachment field (one file chosen): the attachments are too large. */
export const requestFormFilesTooLarge: Json = (() => {
  const form = shortForm('../api/requests-too-large');
  const [section] = form.sections as { fields: unknown[] }[];
  return {
    ...form,
    sections: [{
      ...section,
      fields: [...section!.fields, { name: 'attachments', type: 'file', label: '相关材料', multiple: true, accept: '.pdf,.jpg,.png', maxSizeMB: 20 }],
    }],
  };
})();
/**
 * Submissions to an intake API on another origin that does not allow this page (CORS): `.storybook/mock.ts` answers
 * that origin as the browser does for such a server (no answer the page may read, status 0, while a no-cors request
 * does get through). Nothing leaves the page: `.example` is never resolved.
 */
export const requestFormCorsRefused = shortForm(`${CORS_REFUSING_ORIGIN}/api/requests`);

/** The receipt the mocked `POST …/api/requests` answers with. */
export const receipt = {
  requestId: 'req-2026-000142',
  queryCode: 'K7QM4XPA9R',
  receivedAt: '2026-03-02T09:15:00+08:00',
  dueDate: '2026-03-30',
  status: 'received',
};

/** Answers of the mocked `GET …/api/requests/status?queryCode=…` by query code; any other code is 404. */
export const statusAnswers: Record<string, Json> = {
  // Markup in every text of the answer, a status word the element does not know (a newer server's).
  X5SS9HTL2Q: {
    queryCode: 'X5SS9HTL2Q',
    status: '<img src=x onerror=alert(1)>',
    outcome: '<script>alert(1)</script>',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-30',
    history: [
      { status: 'received', at: '2026-03-02T09:15:00+08:00', note: '<iframe src="javascript:alert(1)"></iframe>已登记' },
      { status: '<svg onload=alert(1)>', at: '2026-03-09T15:40:00+08:00', note: '<a href="javascript:alert(1)">点我</a>' },
    ],
  },
  // A long status word of a newer server and a long note, at 320px.
  L9NG4TXT7W: {
    queryCode: 'L9NG4TXT7W',
    status: 'awaitingInterdepartmentalConsultationWithTheProvincialDataAdministrationBureau',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-30',
    history: [
      { status: 'received', at: '2026-03-02T09:15:00+08:00', note: '君山区人民政府办公室关于印发《君山区政府信息公开工作年度报告编制与发布规范（试行）》及其配套实施细则的通知'.repeat(3) },
    ],
  },
  // A US-FOIA request (the request-form-us-foia feed): a third party consulted past the due date stops no FOIA period,
  // so it is overdue.
  U5FT8QKM3D: {
    queryCode: 'U5FT8QKM3D',
    status: 'consultingThirdParty',
    receivedAt: '2026-11-20T15:00:00Z',
    dueDate: '2026-12-21',
    history: [
      { status: 'received', at: '2026-11-20T15:00:00Z' },
      { status: 'consultingThirdParty', at: '2026-12-08T16:30:00Z', note: 'Submitter notice sent to the contractor under Executive Order 12600.' },
    ],
  },
  K7QM4XPA9R: {
    queryCode: 'K7QM4XPA9R',
    status: 'answered',
    outcome: 'partiallyGranted',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-30',
    history: [
      { status: 'received', at: '2026-03-02T09:15:00+08:00' },
      { status: 'consultingThirdParty', at: '2026-03-09T15:40:00+08:00', note: '涉及第三方权益，已书面征求第三方意见' },
      { status: 'answered', at: '2026-03-27T10:05:00+08:00', note: '已邮寄《政府信息公开申请答复书》' },
    ],
  },
  W3HN8TQ2LD: {
    queryCode: 'W3HN8TQ2LD',
    status: 'extended',
    receivedAt: '2026-01-05T14:00:00+08:00',
    dueDate: '2026-03-05',
    history: [
      { status: 'received', at: '2026-01-05T14:00:00+08:00' },
      { status: 'extended', at: '2026-01-30T11:00:00+08:00', note: '经机构负责人同意，答复期限延长20个工作日' },
    ],
  },
  C4RQ7NXM2E: {
    queryCode: 'C4RQ7NXM2E',
    status: 'correctionRequested',
    receivedAt: '2026-02-10T09:00:00+08:00',
    dueDate: '2026-03-10',
    history: [
      { status: 'received', at: '2026-02-10T09:00:00+08:00' },
      { status: 'correctionRequested', at: '2026-02-13T11:20:00+08:00', note: '申请内容不明确，请补充所需信息的文号或者发布时间' },
    ],
  },
  R8TV3MWK6P: {
    queryCode: 'R8TV3MWK6P',
    status: 'received',
    receivedAt: '2026-03-02T09:15:00+08:00',
    dueDate: '2026-03-30',
    history: [{ status: 'received', at: '2026-03-02T09:15:00+08:00' }],
  },
  H6WD9KPT3N: {
    queryCode: 'H6WD9KPT3N',
    status: 'withdrawn',
    receivedAt: '2026-02-16T10:00:00+08:00',
    dueDate: '2026-03-16',
    history: [
      { status: 'received', at: '2026-02-16T10:00:00+08:00' },
      { status: 'withdrawn', at: '2026-02-20T14:30:00+08:00', note: '申请人书面撤回申请' },
    ],
  },
  P5RT2KCM8V: {
    queryCode: 'P5RT2KCM8V',
    status: 'consultingThirdParty',
    receivedAt: '2026-02-02T10:30:00+08:00',
    dueDate: '2026-03-09',
    history: [
      { status: 'received', at: '2026-02-02T10:30:00+08:00' },
      { status: 'consultingThirdParty', at: '2026-02-26T16:00:00+08:00', note: '涉及第三方商业秘密，已书面征求第三方意见' },
    ],
  },
};

/** Text as long as feeds sometimes have: a title, a document number and a URL without a place to break, long labels. */
const LONG_WORD = '君山区人民政府办公室关于印发《君山区政府信息公开工作年度报告编制与发布规范（试行）》及其配套实施细则的通知'.repeat(2);
export const longCatalogue = {
  ...smallCatalogue,
  title: `君山区政府信息公开目录（长文本）${LONG_WORD}`,
  items: [
    {
      id: 'long-1', title: LONG_WORD, docNo: '君政办发〔2024〕0000000000000000000000000000000000012号', indexNo: '430611-0000000000000000000000000000/2024-00000000000000001',
      summary: `${LONG_WORD} https://www.junshan.example.gov.cn/xxgk/zfxxgkml/${'a'.repeat(120)}.html`, publisher: 'qzf',
      datePublished: '2024-05-06', keywords: ['SupercalifragilisticexpialidociousGovernmentInformationDisclosure'],
      url: `https://www.junshan.example.gov.cn/xxgk/${'b'.repeat(120)}.html`,
      attachments: [{ name: `${LONG_WORD}.pdf`, url: 'files/long.pdf', mediaType: 'application/pdf', size: 123456 }],
    },
    ...smallCatalogue.items.slice(0, 2),
  ],
};

/** The short form with long labels, help, options and an agency name, in English words that cannot break. */
export const requestFormLong: Json = (() => {
  const form = shortForm('../api/requests');
  const long = 'Interdepartmental-government-information-disclosure-coordination-office-of-the-Junshan-District-People\u2019s-Government';
  return {
    ...form,
    agency: { name: `${long} ${LONG_WORD}`, office: { ...JUNSHAN_OFFICE, name: LONG_WORD, email: `${'very.long.mailbox.name.'.repeat(4)}@junshan.example.gov.cn` } },
    intro: `${LONG_WORD} ${long}`,
    sections: [{
      id: 'request', title: LONG_WORD,
      fields: [
        { name: 'name', type: 'text', label: `${LONG_WORD}（姓名）`, required: true, maxLength: 50, help: long },
        { name: 'description', type: 'textarea', label: long, maxLength: 2000 },
        { name: 'delivery', type: 'radio', label: '获取方式', options: [{ value: 'post', label: LONG_WORD }, { value: 'email', label: long }] },
      ],
    }],
  };
})();

/** A form feed with markup and script URLs in every text (labels, help, options, the office, the status page). */
export const requestFormHostile: Json = (() => {
  const form = shortForm('../api/requests');
  return {
    ...form,
    agency: { name: `${XSS}君山区`, office: { ...JUNSHAN_OFFICE, name: '<script>alert(1)</script>政务公开办', email: 'javascript:alert(1)', phone: `${XSS}` } },
    intro: `<iframe src="javascript:alert(1)"></iframe>${XSS}`,
    sections: [{
      id: 'request', title: `${XSS}所需政府信息`,
      fields: [
        { name: 'name', type: 'text', label: `<svg onload=alert(1)>姓名`, required: true, help: `${XSS}`, maxLength: 50 },
        { name: 'description', type: 'textarea', label: '<a href="javascript:alert(1)">点我</a>', maxLength: 2000 },
        { name: 'delivery', type: 'radio', label: `${XSS}获取方式`, options: [{ value: 'post', label: `${XSS}邮寄` }, { value: 'x', label: '<object data="x"></object>' }] },
      ],
    }],
    status: { endpoint: '../api/requests/status', page: 'javascript:alert(1)' },
  };
})();

/** Status lookups that never answer: the lookup running (查询 unavailable, 正在查询…). */
export const requestFormStatusHanging: Json = { ...requestFormApi, status: { endpoint: '../slow/status' } };

/** Every feed the mock serves at `mock/feed/<name>`. */
export const FEEDS: Record<string, unknown> = {
  'catalogue-small': smallCatalogue,
  'catalogue-empty': emptyCatalogue,
  'catalogue-invalid-items': invalidItemsCatalogue,
  'catalogue-hostile': hostileCatalogue,
  'catalogue-paged': pagedCatalogue,
  'catalogue-paged-2': pagedCatalogue2,
  'catalogue-paged-broken': pagedCatalogueBroken,
  'catalogue-remote': remoteCatalogue,
  'catalogue-remote-broken': remoteCatalogueBroken,
  'catalogue-remote-uncounted': remoteCatalogueUncounted,
  'annual-index-missing': annualIndexMissingYear,
  'annual-index-2021': annualIndex2021,
  'request-form': requestFormApi,
  'request-form-short': requestFormShort,
  'request-form-us-foia': requestFormUsFoia,
  'request-form-uk-foia': requestFormUkFoia,
  'request-form-503': requestFormServerError,
  'request-form-web-page': requestFormWebPage,
  'request-form-blocked': requestFormBlocked,
  'request-form-next-year': requestFormNextYear,
  'request-form-changed': requestFormChanged,
  'request-form-hanging': requestFormHanging,
  'request-form-status-down': requestFormStatusDown,
  'request-form-status-limited': requestFormStatusLimited,
  'request-form-status-html': requestFormStatusHtml,
  'request-form-status-wrong-address': requestFormStatusWrongAddress,
  'request-form-invalid': requestFormInvalid,
  'request-form-other-fields': requestFormOtherFields,
  'request-form-paper': requestFormPaper,
  'request-form-insecure': requestFormInsecure,
  'request-form-refused': requestFormRefused,
  'request-form-reused': requestFormReused,
  'request-form-text-too-large': requestFormTextTooLarge,
  'request-form-files-too-large': requestFormFilesTooLarge,
  'request-form-cors': requestFormCorsRefused,
  'request-form-status-offline': requestFormStatusOffline,
  'request-form-status-http': requestFormStatusHttp,
  'request-form-status-hanging': requestFormStatusHanging,
  'request-form-long': requestFormLong,
  'request-form-hostile': requestFormHostile,
  'catalogue-long': longCatalogue,
};
