// Shared by the CLI tests: builds the CLI once per test process (into node_modules/.cache, so a stale dist/ never
// masks a change) and runs it as a child process.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name) => join(root, 'test/cli/fixtures', name);
export const demo = (name) => join(root, 'demo/feeds', name);
export const tmp = () => mkdtempSync(join(tmpdir(), 'de-cli-'));

const cliFile = `node_modules/.cache/disclosure-elements-cli-test/cli-${process.pid}.mjs`;
let built;
export function cliPath() {
  built ??= buildCli({ outfile: cliFile }).then(() => join(root, cliFile));
  return built;
}

/** Runs the CLI; resolves { code, stdout, stderr }. `nodeArgs` go to Node before the CLI file (e.g. `--import`). */
export async function run(args, { cwd = root, input, nodeArgs = [] } = {}) {
  const file = await cliPath();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a Chinese character split between two chunks of a large output stays one character.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

let src;
/** The library's own modules (TypeScript), bundled for Node: parsers, reconcile, templates, shapes, validators. */
export function loadSrc() {
  src ??= build({
    absWorkingDir: root,
    stdin: {
      contents: `
        export { parseAnnualFeed } from './src/elements/annual-stats/model.ts';
        export { reconcile } from './src/elements/annual-stats/reconcile.ts';
        export { APPLICANT_COLUMNS as TEMPLATE_APPLICANT_COLUMNS, TABLE4_GROUPS as TEMPLATE_TABLE4_GROUPS,
                 TABLE4_OUTCOMES as TEMPLATE_TABLE4_OUTCOMES } from './src/elements/annual-stats/templates.ts';
        export { VALIDATOR_NAMES as VALIDATORS_VALIDATOR_NAMES } from './src/validators/index.ts';
        export * as shapes from './src/schema/shapes.ts';
        export { VALIDITIES as CATALOGUE_VALIDITIES } from './src/schema/catalogue.ts';
        export { OUTCOMES as FORM_OUTCOMES, FIELD_TYPES as FORM_FIELD_TYPES } from './src/schema/request-form.ts';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  }).then((r) => import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`));
  return src;
}

/**
 * A zip archive (deflated) of { name: text or Buffer }: to build .xlsx workbooks in the tests. `zip64`: as some
 * writers make every archive, small or not: sizes and offsets in zip64 extra fields (0xFFFFFFFF in their places),
 * and the zip64 end of central directory record with its locator before the usual end record.
 */
export async function zip(files, { zip64 = false } = {}) {
  const { deflateRawSync, crc32 } = await import('node:zlib');
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const big = (...values) => {
      const extra = Buffer.alloc(4 + 8 * values.length);
      extra.writeUInt16LE(1, 0); extra.writeUInt16LE(8 * values.length, 2);
      values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
      return extra;
    };
    const localExtra = zip64 ? big(data.length, packed.length) : Buffer.alloc(0);
    const dirExtra = zip64 ? big(data.length, packed.length, offset) : Buffer.alloc(0);
    const max = 0xffffffff;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(zip64 ? 45 : 20, 4); head.writeUInt16LE(0x800, 6); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(zip64 ? max : packed.length, 18); head.writeUInt32LE(zip64 ? max : data.length, 22);
    head.writeUInt16LE(n.length, 26); head.writeUInt16LE(localExtra.length, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(zip64 ? 45 : 20, 4); dir.writeUInt16LE(zip64 ? 45 : 20, 6); dir.writeUInt16LE(0x800, 8); dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16); dir.writeUInt32LE(zip64 ? max : packed.length, 20); dir.writeUInt32LE(zip64 ? max : data.length, 24);
    dir.writeUInt16LE(n.length, 28); dir.writeUInt16LE(dirExtra.length, 30);
    dir.writeUInt32LE(zip64 ? max : offset, 42);
    locals.push(head, n, localExtra, packed);
    central.push(dir, n, dirExtra);
    offset += 30 + n.length + localExtra.length + packed.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(zip64 ? 0xffff : count, 8); end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : size, 12); end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, ...central, end]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0); end64.writeBigUInt64LE(44n, 4); end64.writeUInt16LE(45, 12); end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(count), 24); end64.writeBigUInt64LE(BigInt(count), 32);
  end64.writeBigUInt64LE(BigInt(size), 40); end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0); locator.writeBigUInt64LE(BigInt(offset + size), 8); locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, ...central, end64, locator, end]);
}

/** The namespaces a workbook's parts declare: SpreadsheetML, and relationships as `r:`. */
export const XLSX_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * The parts of a workbook of one sheet, 目录 (xl/worksheets/sheet1.xml), written by hand: its workbook part and
 * relationships, then `parts` (the sheet, shared strings, styles, as a test needs them).
 */
export const oneSheetParts = (parts) => ({
  'xl/workbook.xml': `<workbook ${XLSX_NS}><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ...parts,
});

/**
 * An .xlsx workbook whose first sheet has `rows` (arrays of cells: a string is a shared string, a number a number, an
 * object { v, s, f, t } a raw cell), and `sheetXml` (extra worksheet XML: <cols>, <mergeCells>, <hyperlinks>).
 * Style 1 is a date format (yyyy/m/d), style 2 a custom date format (yyyy"年"m"月"d"日"). The other sheets are empty,
 * unless `sheetRows` gives rows by a sheet's name; `sheetStates` gives a sheet's state by its name ("hidden").
 */
export function xlsx(rows, { sheetXml = {}, sheets = ['目录'], rels = '', date1904 = false, rowAttrs = {}, sheetRows = {}, sheetStates = {}, zip64 = false } = {}) {
  const strings = [];
  const col = (i) => String.fromCharCode(65 + i);
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const sheetData = (rows) => rows.map((cells, r) => `<row r="${r + 1}"${rowAttrs[r + 1] ?? ''}>${cells.map((c, i) => {
    const ref = `${col(i)}${r + 1}`;
    if (c === null || c === undefined || c === '') return '';
    if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
    if (typeof c === 'string') { strings.push(c); return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`; }
    return `<c r="${ref}"${c.s ? ` s="${c.s}"` : ''}${c.t ? ` t="${c.t}"` : ''}>${c.f ? `<f>${esc(c.f)}</f>` : ''}${c.v !== undefined ? `<v>${esc(c.v)}</v>` : ''}</c>`;
  }).join('')}</row>`).join('');
  const data = sheets.map((name, i) => sheetData(sheetRows[name] ?? (i ? [] : rows)));
  const ns = XLSX_NS;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}>${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}"${sheetStates[s] ? ` state="${sheetStates[s]}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${ns}>${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
    ...Object.fromEntries(sheets.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}>${sheetXml.cols ?? ''}<sheetData>${data[i]}</sheetData>${sheetXml.mergeCells ?? ''}${sheetXml.hyperlinks ?? ''}</worksheet>`])),
    ...(rels ? { 'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` } : {}),
  }, { zip64 });
}
