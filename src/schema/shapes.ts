/**
 * The one declarative description of the three feeds (feeds.md): fields, types, required keys, enums and the date
 * pattern. From it come
 * 1. the published JSON Schema files (`schema/*.schema.json`, draft 2020-12; scripts/build-schemas.mjs),
 * 2. the strict validator of `disclosure-elements validate` (src/cli/validate.ts),
 * 3. (through constants.ts) the enum lists and constants the elements' tolerant parsers use.
 *
 * Pure data: no DOM, no Node APIs; importing the constants costs a browser bundle only the constants.
 *
 * The shapes are a small subset of JSON Schema written as plain objects, with two conveniences:
 * `nullable: true` (the value may also be `null`, which in these feeds means "not reported" or "none") and
 * `ref` (a named shape in the feed's `defs`, emitted as `$ref: "#/$defs/<name>"`). Rules JSON Schema cannot say
 * (unique ids, parent ids that exist, row lengths that match `columns`) are listed in each object's `rules`
 * (emitted in its `description`) and checked by the validator in code.
 */

// Enums and constants live in constants.ts (the parsers import them from there); re-exported here.
export * from './constants.js';
import {
  VALIDITIES,
  JURISDICTIONS,
  FIELD_TYPES,
  VALIDATOR_NAMES,
  REQUEST_STATUSES,
  SUBMIT_MODES,
  SUBMIT_ENCODINGS,
  ANNUAL_TEMPLATE_IDS,
  APPLICANT_COLUMNS,
  WITHHELD_KEYS,
  UNABLE_KEYS,
  NOT_PROCESSED_KEYS,
  OTHER_KEYS,
  OUTCOMES,
  TABLE4_GROUPS,
  TABLE4_OUTCOMES,
  ANNUAL_TEXT_KEYS,
  SCHEMA_VERSION,
  DATE_PATTERN,
  LANG_PATTERN,
  MAX_WORKING_DAYS,
} from './constants.js';

// ---------------------------------------------------------------------------------------------------------------
// Shape language

export interface ShapeBase {
  description?: string;
  /** The value may also be null. */
  nullable?: boolean;
}
export interface StringShape extends ShapeBase {
  type: 'string';
  enum?: readonly string[];
  pattern?: string;
  /** A human name for the pattern in messages, e.g. "a date YYYY-MM-DD". */
  patternName?: string;
  format?: 'date' | 'uri-reference' | 'regex';
  minLength?: number;
  /** Not blank: contains something other than white space. */
  nonBlank?: boolean;
}
export interface NumberShape extends ShapeBase {
  type: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}
export interface BooleanShape extends ShapeBase { type: 'boolean' }
export interface ArrayShape extends ShapeBase {
  type: 'array';
  items: Shape;
  minItems?: number;
  uniqueItems?: boolean;
}
export interface ObjectShape extends ShapeBase {
  type: 'object';
  properties?: Record<string, Shape>;
  required?: readonly string[];
  /** For maps (`validatorWhen`, `facetCounts`): the shape of every value; no warning for unlisted keys. */
  values?: Shape;
  /** Rules checked in code, listed in the schema's description. */
  rules?: readonly string[];
}
export interface AnyOfShape extends ShapeBase { anyOf: readonly Shape[]; expected?: string }
export interface RefShape extends ShapeBase { ref: string }
export type Shape = StringShape | NumberShape | BooleanShape | ArrayShape | ObjectShape | AnyOfShape | RefShape;

export interface FeedShape {
  /** File name stem under schema/: `catalogue` → schema/catalogue.schema.json. */
  id: string;
  title: string;
  description: string;
  root: ObjectShape;
  defs: Record<string, Shape>;
}

// small builders
const text = (description?: string): StringShape => ({ type: 'string', ...(description ? { description } : {}) });
const label = (description?: string): StringShape => ({ type: 'string', nonBlank: true, ...(description ? { description } : {}) });
const date = (description?: string): StringShape => ({
  type: 'string', pattern: DATE_PATTERN, patternName: 'a date YYYY-MM-DD', format: 'date', ...(description ? { description } : {}),
});
const url = (description?: string): StringShape => ({ type: 'string', format: 'uri-reference', nonBlank: true, ...(description ? { description } : {}) });

/**
 * The JSON Schema pattern of a link: http(s), or relative (no scheme before the first `/`, `?` or `#`). `format:
 * uri-reference` alone lets `javascript:` through, and most validators do not check formats at all. A tab or newline
 * inside a scheme (`java<TAB>script:`) still leaves a colon before the first slash, so it fails too. A relative link
 * begins (after spaces) with a character that is not a space, or with `/`, `?` or `#`: the `nonBlank` rule of every
 * link. No lookahead: JSON Schema asks patterns to keep to a portable subset, and validators built on RE2 (Go, re2j)
 * refuse to compile `(?=`, so they could not load the schema at all.
 */
export const LINK_PATTERN = '^\\s*(?:[Hh][Tt][Tt][Pp][Ss]?:|[^:/?#\\s][^:/?#]*(?:[/?#]|$)|[/?#])';
/** The language of a feed's text (WCAG 3.1.2): marked on that text when it differs from the element's language. */
const lang: StringShape = {
  type: 'string', pattern: LANG_PATTERN, patternName: 'a language tag such as zh-CN or en',
  description: 'Language of the feed\'s text, a BCP 47 tag (zh-CN, en, bo). Optional, added by this library.',
};
const oneOf = (values: readonly string[], description?: string): StringShape => ({ type: 'string', enum: values, ...(description ? { description } : {}) });
const int = (minimum?: number, description?: string): NumberShape => ({
  type: 'integer', ...(minimum !== undefined ? { minimum } : {}), ...(description ? { description } : {}),
});
const bool = (description?: string): BooleanShape => ({ type: 'boolean', ...(description ? { description } : {}) });
const list = (items: Shape, extra: Partial<ArrayShape> = {}): ArrayShape => ({ type: 'array', items, ...extra });
const obj = (properties: Record<string, Shape>, required: readonly string[] = [], extra: Partial<ObjectShape> = {}): ObjectShape => ({
  type: 'object', properties, required, ...extra,
});
const ref = (name: string, extra: ShapeBase = {}): RefShape => ({ ref: name, ...extra });
const nullable = <S extends Shape>(s: S): S => ({ ...s, nullable: true });

const schemaVersion: NumberShape = {
  type: 'number', minimum: SCHEMA_VERSION, exclusiveMaximum: SCHEMA_VERSION + 1,
  description: 'Feed contract version: 1. A feed with a higher major version is refused.',
};
const idText: AnyOfShape = {
  anyOf: [label(), { type: 'integer' }], expected: 'text (an id)',
  description: 'Identifier: text (a whole number is read as text).',
};

// ---------------------------------------------------------------------------------------------------------------
// 1. Catalogue feed

const term = obj(
  {
    id: idText,
    label: label(),
    parentId: nullable(text('Parent term id; null or absent for a top-level term.')),
    order: { type: 'number', description: 'Sort order among siblings.' },
  },
  ['id', 'label'],
  { rules: ['ids are unique within their list'] },
);

export const CATALOGUE_SHAPE: FeedShape = {
  id: 'catalogue',
  title: 'Catalogue feed (政府信息公开目录)',
  description: 'Feed of <disclosure-catalogue>: the proactively disclosed documents of an agency (feeds.md §1).',
  defs: {
    publisher: obj({ name: text('Name of the agency.'), id: idText }),
    term,
    category: { ...term, rules: ['ids are unique', 'parentId names another category', 'no cycles'] },
    attachment: obj({
      name: label(), url: url(), mediaType: text('Media type, e.g. application/pdf.'),
      size: int(0, 'Size in bytes.'),
    }, ['name']),
    item: obj(
      {
        id: idText,
        title: label('名称 (title).'),
        indexNo: text('索引号: opaque display string.'),
        summary: text('内容概述 (summary), plain text.'),
        docNo: text('文号 (document number).'),
        publisher: text('发布机构: a facets.publisher id or free text.'),
        dateCreated: date('生成日期/成文日期.'),
        datePublished: date('发布日期.'),
        categoryIds: list(label()),
        topicIds: list(label()),
        genreId: text(),
        keywords: list(label(), { description: '主题词.' }),
        validity: nullable(oneOf(VALIDITIES, '有效性.')),
        url: url('Link to the document; may be relative to the feed.'),
        attachments: list(ref('attachment')),
      },
      ['id', 'title'],
      { rules: ['ids are unique across the feed'] },
    ),
  },
  root: obj(
    {
      schemaVersion,
      lang,
      publisher: ref('publisher'),
      title: text('Optional heading.'),
      guideUrl: url('Link to the 政府信息公开指南.'),
      sample: bool('True for demonstration data.'),
      categories: list(ref('category'), { description: '栏目 tree of any depth, via parentId.' }),
      facets: obj({
        topic: list(ref('term'), { description: '主题分类.' }),
        genre: list(ref('term'), { description: '体裁分类.' }),
        publisher: list(ref('term'), { description: '发布机构.' }),
      }),
      items: list(ref('item')),
      page: obj({ total: int(0), next: nullable(url('Next page of the feed.')) }),
      search: obj({ endpoint: url('Remote search endpoint.') }, ['endpoint']),
      facetCounts: { type: 'object', values: { type: 'object', values: int(0) }, description: 'Counts per facet value (remote mode).' },
    },
    ['schemaVersion', 'items'],
  ),
};

// ---------------------------------------------------------------------------------------------------------------
// 2. Request-form feed

const stringOrList: AnyOfShape = { anyOf: [label(), list(label(), { minItems: 1 })], expected: 'text or a list of text' };

export const REQUEST_FORM_SHAPE: FeedShape = {
  id: 'request-form',
  title: 'Request-form feed (依申请公开)',
  description: 'Feed of <request-form> and <request-status>: one agency\'s disclosure-on-request form (feeds.md §2).',
  defs: {
    option: obj({ value: label(), label: text() }, ['value', 'label'], { rules: ['values are unique within a field'] }),
    field: obj(
      {
        name: label('Unique across the form; standard names get built-in behaviour.'),
        type: oneOf(FIELD_TYPES),
        label: label(),
        help: text(),
        required: bool(),
        showWhen: obj({ applicantType: stringOrList }, ['applicantType']),
        validator: nullable(oneOf(VALIDATOR_NAMES, 'Built-in validator; null switches off the default one.')),
        validatorWhen: { type: 'object', values: stringOrList, description: 'Apply the validator only when these fields have these values.' },
        requiredWhen: { type: 'object', values: stringOrList, description: 'Required only when these fields have these values (e.g. email when delivery is email).' },
        pattern: nullable({ type: 'string', format: 'regex', description: 'Anchored like the HTML pattern attribute.' }),
        maxLength: nullable({ type: 'integer', exclusiveMinimum: 0 }),
        options: list(ref('option')),
        multiple: bool(),
        accept: text('file: extensions and media types, e.g. ".pdf,.jpg".'),
        maxSizeMB: { type: 'number', exclusiveMinimum: 0 },
      },
      ['name', 'type', 'label'],
      { rules: ['names are unique across the form', 'select and radio fields need options', 'one field is named "description"'] },
    ),
    section: obj({ id: text(), title: text(), help: text(), fields: list(ref('field')) }, ['fields']),
  },
  root: obj(
    {
      schemaVersion,
      lang,
      jurisdiction: oneOf(JURISDICTIONS),
      agency: obj({
        name: label(),
        office: obj({ name: text(), address: text(), hours: text(), phone: text(), email: text(), postcode: text() }),
      }, ['name']),
      intro: text(), privacyNotice: text(),
      rules: obj({
        replyWorkingDays: { type: 'integer', minimum: 1, maximum: MAX_WORKING_DAYS },
        extensionWorkingDays: { type: 'integer', minimum: 1, maximum: MAX_WORKING_DAYS },
        calendar: obj({ holidays: list(date()), extraWorkdays: list(date()) }),
        timeZone: text('The agency\'s IANA time zone (e.g. "America/Denver"), which dates receipt and due dates; default: the jurisdiction\'s (Asia/Shanghai, America/New_York for US-FOIA, Europe/London for UK-FOIA).'),
      }),
      applicantTypes: list(obj({ id: label(), label: text() }, ['id', 'label'], { rules: ['ids are unique'] })),
      sections: list(ref('section')),
      submit: obj({ mode: oneOf(SUBMIT_MODES), endpoint: url(), encoding: oneOf(SUBMIT_ENCODINGS) }, ['mode'], {
        rules: ['mode "api" needs an endpoint'],
      }),
      status: obj({ endpoint: url(), page: url('The page with <request-status>, may be relative to the feed: the receipt links to it with ?querycode=<code>.') }, ['endpoint']),
    },
    ['schemaVersion', 'sections', 'agency'],
  ),
};

// ---------------------------------------------------------------------------------------------------------------
// 3. Annual report and index

const count = nullable(int(0, 'A whole number ≥ 0; null = not reported.'));
const amount = nullable({ type: 'number', minimum: 0, description: 'A number ≥ 0; null = not reported.' } as NumberShape);
const delta = nullable({ type: 'integer', description: 'A signed whole number (本年增/减); null = not reported.' } as NumberShape);
const keyed = (keys: readonly string[], s: Shape): ObjectShape => obj(Object.fromEntries(keys.map((k) => [k, s])));

const publisherRequired = obj({ name: text('Name of the agency.'), id: idText }, ['name']);

export const ANNUAL_REPORT_SHAPE: FeedShape = {
  id: 'annual-report',
  title: 'Annual-report feed (政府信息公开工作年度报告)',
  description: 'Feed of <annual-stats>: one year\'s annual report, numbers only (feeds.md §3).',
  defs: {
    row: nullable(list(count, {
      description: 'One Table 三 row: a figure per applicant column, in applications.columns order; null = not reported.',
    })),
    documentCounts: keyed(['issued', 'repealed', 'inForce', 'made', 'published', 'totalPublished'], count),
    decisionCounts: obj({ decisions: count, lastYear: count, change: delta }),
    table4Group: keyed(TABLE4_OUTCOMES, count),
  },
  root: obj(
    {
      schemaVersion,
      lang,
      publisher: publisherRequired,
      year: { type: 'integer', minimum: 1, maximum: 9999 },
      template: oneOf(ANNUAL_TEMPLATE_IDS),
      title: text('The report\'s own title.'),
      sample: bool('True for demonstration data.'),
      publishedAt: date(),
      sourceUrl: url(),
      text: keyed(ANNUAL_TEXT_KEYS, text()),
      proactive: obj({
        regulations: ref('documentCounts'),
        normativeDocs: ref('documentCounts'),
        licensing: ref('decisionCounts'),
        otherServices: ref('decisionCounts'),
        penalty: ref('decisionCounts'),
        enforcement: ref('decisionCounts'),
        fees: obj({ amount, unit: text('Default "10kCNY" (万元).'), lastYear: count, change: delta }),
        procurement: obj({ items: count, amount, unit: text('Default "CNY".') }),
      }),
      applications: obj(
        {
          columns: list(oneOf(APPLICANT_COLUMNS), { uniqueItems: true }),
          newReceived: ref('row'),
          carriedOver: ref('row'),
          results: obj({
            granted: ref('row'),
            partiallyGranted: ref('row'),
            withheld: keyed(WITHHELD_KEYS, ref('row')),
            unable: keyed(UNABLE_KEYS, ref('row')),
            notProcessed: keyed(NOT_PROCESSED_KEYS, ref('row')),
            other: {
              anyOf: [ref('row'), keyed(OTHER_KEYS, ref('row'))],
              expected: 'a row (CN-2019) or {noCorrection, unpaidFee, other} (CN-2021)',
              description: 'CN-2019: one row; CN-2021: split into noCorrection, unpaidFee, other.',
            },
            total: ref('row'),
          }),
          carriedForward: ref('row'),
        },
        [],
        { rules: ['every row has as many figures as columns (7 by default)', 'columns lists each of the seven columns once'] },
      ),
      reviewLitigation: keyed(TABLE4_GROUPS, ref('table4Group')),
      feesCollected: obj({ amount, unit: text('Default "CNY".') }),
      custom: list(obj({
        key: label(), label: text(), value: amount, unit: text(), group: text(), note: text(),
        approximate: bool(),
      }, ['key', 'label', 'value'], { rules: ['keys are unique'] })),
      groups: list(obj({ id: label(), label: text() }, ['id', 'label'])),
    },
    ['schemaVersion', 'year', 'template'],
  ),
};

export const ANNUAL_INDEX_SHAPE: FeedShape = {
  id: 'annual-index',
  title: 'Annual-report index feed',
  description: 'Index of several years\' annual-report feeds for <annual-stats> (feeds.md §3).',
  defs: {},
  root: obj(
    {
      schemaVersion,
      lang,
      publisher: publisherRequired,
      reports: list(obj({ year: { type: 'integer', minimum: 1, maximum: 9999 }, url: url() }, ['year', 'url']), {
        description: 'One entry per year; years are unique.',
      }),
    },
    ['schemaVersion', 'reports'],
  ),
};

export const FEED_SHAPES: readonly FeedShape[] = Object.freeze([CATALOGUE_SHAPE, REQUEST_FORM_SHAPE, ANNUAL_REPORT_SHAPE, ANNUAL_INDEX_SHAPE]);

export type FeedKind = 'catalogue' | 'request-form' | 'annual-report' | 'annual-index';

/** Which feed a parsed JSON value is, by its root keys (null when none fits). */
export function detectFeedKind(json: unknown): FeedKind | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if ('items' in o) return 'catalogue';
  if ('sections' in o) return 'request-form';
  if ('reports' in o && !('year' in o)) return 'annual-index';
  if ('year' in o || 'template' in o) return 'annual-report';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Schema (draft 2020-12)

export const SCHEMA_BASE_URL = 'https://unpkg.com/disclosure-elements/schema/';

function toJson(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('ref' in shape) {
    if (shape.description) out.description = shape.description;
    if (shape.nullable) return { anyOf: [{ $ref: `#/$defs/${shape.ref}` }, { type: 'null' }], ...out };
    return { $ref: `#/$defs/${shape.ref}`, ...out };
  }
  if ('anyOf' in shape) {
    if (shape.description) out.description = shape.description;
    const alts = shape.anyOf.map(toJson);
    if (shape.nullable) alts.push({ type: 'null' });
    out.anyOf = alts;
    return out;
  }
  out.type = shape.nullable ? [shape.type, 'null'] : shape.type;
  const rules = shape.type === 'object' && shape.rules?.length ? ` Rules: ${shape.rules.join('; ')}.` : '';
  if (shape.description || rules) out.description = `${shape.description ?? ''}${rules}`.trim();
  switch (shape.type) {
    case 'string':
      if (shape.enum) out.enum = shape.nullable ? [...shape.enum, null] : [...shape.enum];
      if (shape.format) out.format = shape.format;
      if (shape.pattern) out.pattern = shape.pattern;
      else if (shape.format === 'uri-reference') out.pattern = LINK_PATTERN;
      else if (shape.nonBlank) out.pattern = '\\S';
      if (shape.minLength !== undefined) out.minLength = shape.minLength;
      break;
    case 'integer':
    case 'number':
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
        if (shape[k] !== undefined) out[k] = shape[k];
      }
      break;
    case 'array':
      out.items = toJson(shape.items);
      if (shape.minItems !== undefined) out.minItems = shape.minItems;
      if (shape.uniqueItems) out.uniqueItems = true;
      break;
    case 'object':
      if (shape.properties) {
        out.properties = Object.fromEntries(Object.entries(shape.properties).map(([k, v]) => [k, toJson(v)]));
      }
      if (shape.required?.length) out.required = [...shape.required];
      if (shape.values) out.additionalProperties = toJson(shape.values);
      break;
    default:
      break;
  }
  return out;
}

/** The JSON Schema (draft 2020-12) of a feed. Unknown keys are allowed: the contract lets the project add fields. */
export function jsonSchemaOf(feed: FeedShape): Record<string, unknown> {
  const root = toJson(feed.root);
  const schema: Record<string, unknown> = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE_URL}${feed.id}.schema.json`,
    title: feed.title,
    description: feed.description,
    ...root,
  };
  delete schema.description;
  schema.description = feed.description;
  if (Object.keys(feed.defs).length) {
    schema.$defs = Object.fromEntries(Object.entries(feed.defs).map(([k, v]) => [k, toJson(v)]));
  }
  return schema;
}
