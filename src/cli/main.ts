/// <reference types="node" />
/**
 * `disclosure-elements <command>`: validate feeds, convert a catalogue spreadsheet or an annual-report page into a
 * feed, print embed snippets. Built into dist/cli/disclosure-elements.mjs by scripts/build-cli.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFeedKind, LANG_PATTERN } from '../schema/shapes.js';
import type { FeedKind } from '../schema/shapes.js';
import { VERSION } from '../version.js';
import { parseAnnualFeed } from '../elements/annual-stats/model.js';
import { reconcile } from '../elements/annual-stats/reconcile.js';
import {
  CliError, EXIT_FAIL, EXIT_OK, EXIT_USAGE, Progress, decodeText, exitQuietlyOnEpipe, fmt, isOle, isPdf, isUrl, isZip, jsonPieces, looksBinary, metaCharset, parseArgs,
  plural, readBytes, reason, refuseOverwritingInput, usageError, writeOutput,
} from './io.js';
import { validateFeed } from './validate.js';
import { catalogueFromCsv, catalogueFromRecords } from './catalogue-csv.js';
import { columnName, ranges, readXlsx } from './xlsx.js';
import type { Workbook } from './xlsx.js';
import { annualFromHtml } from './annual-html.js';
import { docxToHtml, oleKind, zipKind } from './docx.js';
import { cdnScriptUrl, embedKindOf, guessKindFromName, parseEmbedKind, renderSnippets } from './embed.js';
import type { EmbedKind } from './embed.js';

const NAME = 'disclosure-elements';

const HELP: Record<string, string> = {
  main: `Usage: ${NAME} <command> [options]

Commands:
  validate <feed.json|URL>             check a catalogue, request-form or annual-report feed against the contract
  catalogue from-csv <file.csv|.xlsx>  convert a catalogue spreadsheet (CSV in UTF-8 or GBK, or an Excel .xlsx) to a
                                       catalogue feed
  annual from-html <file.html|.docx|URL>
                                       convert a published annual-report page or Word document (2019 or 2021 format)
                                       to an annual feed
  embed <feed-url>                     print the HTML snippets that show a feed on a page

Options: --help (also after a command), --version, --quiet
Exit codes: 0 ok, 1 invalid input or failed conversion (or a feed written with errors to correct), 2 usage error.`,
  validate: `Usage: ${NAME} validate <feed.json|URL> [--type catalogue|request-form|annual-report|annual-index] [--json] [--quiet]

Checks a feed against the feed contract (the same rules as schema/*.schema.json) and against what the elements
would skip or drop. The feed type is detected: "items" → catalogue, "sections" → request form, "year" + "template"
→ annual report, "reports" → annual index.

Each problem is printed as  <json path>: <what was expected, what was found>.
A feed that is not UTF-8 (saved as GBK or UTF-16) is an error: the elements read feeds as UTF-8.
A CSV spreadsheet is not a feed: convert it with "catalogue from-csv" (the error says how).
Errors make the exit code 1; warnings (unknown keys) do not.
  --json    print the result as JSON on stdout
  --quiet   print only the errors (and, for an invalid feed, the line that counts them)`,
  catalogue: `Usage: ${NAME} catalogue from-csv <file.csv|file.xlsx> [-o out.json] [--sheet NAME|N] [--include-hidden] [--publisher 名称] [--base-url URL] [--lang TAG] [--quiet]

Converts a spreadsheet to a catalogue feed: a CSV export, or an Excel workbook (.xlsx, its first sheet shown, or the
one --sheet chooses; "from-xlsx" is the same command). The header is the first line with a title column (lines above it, such as a sheet title, are
passed over). Recognised headers (Chinese or English):
  索引号 indexNo · 名称/标题 title · 发布机构 publisher · 生成日期/成文日期/发文日期 dateCreated ·
  发布日期/发布时间 datePublished · 文号/发文字号 docNo · 主题分类 topic · 体裁分类 genre · 主题词/关键词 keywords ·
  有效性 validity (有效/失效/废止/已修改) · 链接/网址 url · 内容概述/摘要 summary · 栏目/分类 category
  and variants (信息标题, 发文单位, 成文时间, 公开时间, 所属分类 …); "索引号：", "*名称", "日期（必填）" are read too.
Encodings: UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with BOM (Excel's "Unicode text"), detected.
A file in one encoding but for a few bytes, or a GBK file with a row in UTF-8 (a row pasted in from another
file), is refused, naming the line.
Workbooks (.xlsx): dates are read as Excel shows them; a formula gives its saved value (=HYPERLINK gives its address
to the url column, as does a link inserted on the cell); a cell merged down over rows stands on each; a header over
two rows (日期 merged across 成文日期 | 发布日期) is read as one. Hidden columns and rows (internal notes, rows a
filter hides) are left out, with a note naming them, even with --quiet; --include-hidden reads them. Numbers
are written as Excel shows them (15 significant digits: 0.1+0.2 is 0.3; no exponent; a format of zeros such as 000000
keeps its leading zeros; 0.00, 0.0%, #,##0 and #,##0, as shown, 12.50, 12.5%, 1,234, 1,235 (in thousands), through the
section for the value, as chosen by conditions such as [>=100]0.0;[<0]0.00;0; a section not read here, such as
0!.0,"万", and Chinese numerals, [DBNum1], give the plain number, with a note); an id of more than 15 digits
typed as a number lost its last digits in Excel (they read as 0), which a warning says: type such ids as text. An .xls
(Excel 97–2003) or .xlsb (binary workbook) is not read: save it as .xlsx or "CSV UTF-8".
Dates: 2013年3月5日 (3月5号), 二〇一三年三月五日, 民国102年3月5日, 2013-3-5 (2013—03—05), 2013/03/05, 2013.3.5 (2013.03.05.),
20130305, Mar 5, 2013 (5 March 2013, 5-Mar-2013), Excel day numbers (41338, with a warning). 3/5/2013, 3-5-2013 and
3.5.2013 take the order a date with a number above 12 shows (13/5/2013: day/month), among dates with the same
separator first, then in the whole file; when none does, slashes and hyphens are month/day (Excel in the US) and dots
day/month (3.5.2013 is 3 May, as in Europe). A warning says which order was taken. Two-digit years (3/5/13, 5-Mar-13, 13-03-05至13-04-01) are not guessed: left out
with a warning. A range (2013-3-5至2013-4-5, 2013-03-05 ~ 2013-04-05) is read as its first date, with a warning.
A time of day after a date (2013-03-05 14:30, 2013年3月5日下午3点) or a time range on one day (2013-03-05 09:00-11:00)
is dropped, with a warning; a weekday (星期二) is passed over. Any other text after a date (2013-03-05 已废止,
2013年3月5日到期) is an error naming the line, the column and the text: that date is left out, the feed is still
written, and the exit code is 1. Correct the cell and convert again.
Categories and topics may be paths (政务信息/各部门, 综合政务\\政务公开); several are separated by ";".
Rows without a title or with more cells than the header are skipped (short rows are padded with empty cells); a bad
date, validity or URL is left out of its entry with a warning. All are reported with their line numbers on stderr
(--quiet leaves out the warnings, not the skipped rows and errors).
  -o, --output FILE    write the feed here (default: stdout)
  --sheet NAME|N       the sheet of an .xlsx workbook to read: its name, or its number (1 is the first tab, hidden
                       sheets counted); an unknown one lists the sheets (a usage error, exit 2)
  --include-hidden     read the hidden columns and rows of an .xlsx workbook too (left out by default: they often
                       hold internal notes)
  --publisher NAME     the feed's publisher.name
  --base-url URL       resolve relative links against this URL
  --lang TAG           the language of the entries' text, e.g. zh-CN or en (default: zh-CN when a title has Chinese
                       characters, else not given); marked on that text where a page's language differs`,
  annual: `Usage: ${NAME} annual from-html <file.html|file.docx|URL> [-o out.json] [--year N] [--publisher NAME] [--template CN-2021|CN-2019] [--lang TAG] [--quiet]

Reads a published 政府信息公开工作年度报告 in the national format, its page or its Word document (.docx; "from-docx"
is the same command), and writes the annual-report feed. Merged cells of a Word table are read as merged; a .doc or
.wps file must first be saved as .docx (Word/WPS: 文件 → 另存为 → Word 文档 .docx) or as a web page. The
format (2021 or 2019) is detected from Table 三 (the （六） sub-rows). Blank cells, and cells with only a dash or a
slash (—, /), become null (not reported), not 0; a cell saying 无 ("none") becomes 0.
Units written in cells ("251000元", "12.5万元") are read. Whatever could not be placed is reported on stderr,
followed by the reconciliation checks of the result.
  -o, --output FILE    write the feed here (default: stdout)
  --year N             the report year (default: from the title, e.g. 2022年度…)
  --publisher NAME     the publisher (default: from the title)
  --template ID        force CN-2021 or CN-2019
  --lang TAG           the language of the report's text (default: zh-CN)`,
  embed: `Usage: ${NAME} embed <feed-url> [--type catalogue|request-form|annual] [--cdn BASE] [--offline]

Prints the snippets that show the feed: one script tag; tags inside <disclosure-provider>; and the
<div data-disclosure> form for editors that strip unknown tags. The feed type is detected by fetching the feed
(--type skips that; --offline or a failed fetch falls back to the file name). The script URL is pinned to this
version: https://unpkg.com/disclosure-elements@<version>/dist/disclosure-elements.js (--cdn replaces
https://unpkg.com).`,
};

/** The version in package.json (the one the CDN URL pins), else the library's VERSION. */
export function packageVersion(): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
      const p = join(dir, 'package.json');
      if (existsSync(p)) {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === NAME && pkg.version) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch { /* fall through */ }
  return VERSION;
}

/**
 * A line on stderr. Messages quote cells, labels and keys of the input as they are: control characters in them (ESC[2J
 * clears the terminal, ESC]0;… retitles it) are written as \u001b, so a hostile spreadsheet or page cannot drive the
 * terminal. Tabs and line breaks stay.
 */
const err = (s: string) =>
  process.stderr.write(`${s.replace(/[\0-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);

function wantsHelp(argv: string[]) {
  return argv.includes('--help') || argv.includes('-h');
}

/**
 * A file that is not JSON but a spreadsheet export: named .csv/.tsv, or a first line of cells separated by commas,
 * semicolons or tabs with more lines after it (a JSON text starts with {, [ or a quote).
 */
function looksLikeCsv(text: string, source: string): boolean {
  if (/^[{["]/.test(text)) return false;
  if (/\.(csv|tsv)$/i.test(source.replace(/[?#].*$/, ''))) return true;
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim());
  return lines.length >= 2 && /[\t,;，]/.test(lines[0]!) && /[\t,;]/.test(lines[1]!);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const t = text.trimStart();
    if (t.startsWith('<')) throw new CliError(`${source}: this is HTML, not a JSON feed`);
    if (looksLikeCsv(t, source)) {
      throw new CliError(`${source}: this is a CSV spreadsheet, not a JSON feed. To make a catalogue feed of it: ` +
        `${NAME} catalogue from-csv ${shellArg(source)} -o catalogue.json`);
    }
    throw new CliError(`${source}: ${jsonProblem(text.replace(/^\ufeff/, ''), (error as Error).message)}`);
  }
}

/**
 * Where and why JSON.parse stopped, in words: a cut-off text, or the line and column (JSON.parse gives an offset)
 * with the usual causes, so the webmaster knows where to look.
 */
function jsonProblem(text: string, message: string): string {
  if (!text.trim()) return 'the file is empty, not a JSON feed';
  if (/unexpected end of json input|unterminated string/i.test(message) && !/position \d+/.test(message)) {
    return 'not valid JSON: the text ends before the JSON does (is the file cut off, or a closing ] or } missing?)';
  }
  const offset = jsonErrorOffset(text);
  const why = message.replace(/\s*(?:in JSON )?at position \d+.*$/, '').replace(/, [\s\S]* is not valid JSON$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (offset === null) return `not valid JSON (${why})`;
  const before = text.slice(0, offset).split(/\r\n?|\n/);
  return `not valid JSON at line ${before.length}, column ${before[before.length - 1]!.length + 1} (${why}): ` + (/control character/i.test(why)
    ? 'a line break or tab inside a text must be written \\n or \\t'
    : 'a comma after the last item of a list or object, a missing comma or quote, or a quote inside a text not written \\" are the usual causes');
}

/** The offset of the first character where `text` stops being JSON (JSON.parse of Node 20 does not say), else null. */
function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => { while (/[ \t\n\r]/.test(text[i] ?? '')) i++; };
  const fail = (): never => { throw i; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fail(); };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          value();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail();
      }
    }
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
        if (text[i] === '\\') {
          i++;
          if (text[i] === 'u' ? !/^[\da-f]{4}$/i.test(text.slice(i + 1, i + 5)) : !'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
          if (text[i] === 'u') i += 4;
        }
      }
      i++;
      return;
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) { i += num[0].length; return; }
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail();
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? at : null;
  }
}

/** A command's argument as the user can type it again: quoted when it has blanks or quotes. */
const shellArg = (s: string) => (/[\s"'$`\\]/.test(s) ? JSON.stringify(s) : s);

const FEED_KINDS: FeedKind[] = ['catalogue', 'request-form', 'annual-report', 'annual-index'];

async function cmdValidate(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) { console.log(HELP.validate); return EXIT_OK; }
  const { positional, options } = parseArgs(argv, ['type'], ['json', 'quiet']);
  if (positional.length !== 1) throw usageError('validate needs exactly one feed file or URL');
  const source = positional[0]!;
  let kind: FeedKind | undefined;
  if (typeof options.type === 'string') {
    const t = options.type === 'annual' ? 'annual-report' : options.type;
    if (!FEED_KINDS.includes(t as FeedKind)) throw usageError(`--type must be one of ${FEED_KINDS.join(', ')}`);
    kind = t as FeedKind;
  }
  const { bytes } = await readBytes(source);
  // A Word document is most likely the annual report (its attachment): said with the command that converts it.
  if (isWordDocument(bytes)) {
    throw new CliError(`${source}: this is a Word document, not a JSON feed. If it is the 政府信息公开工作年度报告, to make an ` +
      `annual-report feed of it: ${NAME} annual from-docx ${shellArg(source)} -o annual.json`);
  }
  if (isZip(bytes) || isOle(bytes)) {
    throw new CliError(`${source}: this is an Excel workbook, not a JSON feed. To make a catalogue feed of it: ` +
      `${NAME} catalogue from-csv ${shellArg(source)} -o catalogue.json`);
  }
  if (looksBinary(bytes)) throw new CliError(`${source}: this is not a JSON feed: it holds binary data (an image, a document?); give the feed's .json file`);
  const decoded = decodeText(bytes);
  const json = parseJson(decoded.text, source);
  const result = validateFeed(json, kind ?? detectFeedKind(json));
  // The elements read a feed with fetch's text(), which is always UTF-8: a feed saved as GBK or UTF-16 parses, but
  // every Chinese label comes out garbled on the page.
  if (decoded.encoding !== 'utf-8' || decoded.damagedLine !== undefined) {
    const what = decoded.encoding !== 'utf-8'
      ? `the file is ${ENCODING_LABELS[decoded.encoding]}, not UTF-8`
      : `line ${decoded.damagedLine} has bytes that are not UTF-8`;
    result.problems.unshift({
      path: '(file)', severity: 'error',
      message: `${what}: the elements read feeds as UTF-8 and would show its text garbled; save the feed as UTF-8`,
    });
    result.errors++;
    result.summary = undefined;
  }
  if (options.json) {
    console.log(JSON.stringify({ file: source, kind: result.kind, valid: result.errors === 0, problems: result.problems }, null, 2));
    return result.errors ? EXIT_FAIL : EXIT_OK;
  }
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  for (const p of result.problems) {
    if (p.severity === 'warning' && options.quiet) continue;
    err(`${p.severity === 'error' ? 'error' : 'warning'}: ${p.path}: ${p.message}`);
  }
  const what = result.kind ? `${result.kind} feed` : 'feed';
  if (result.errors) {
    err(`${source}: invalid ${what}: ${plural(result.errors, 'error')}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}`);
    return EXIT_FAIL;
  }
  if (!options.quiet) {
    console.log(`${source}: valid ${what}${result.summary ? ` (${result.summary})` : ''}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''}`);
  }
  return EXIT_OK;
}

const ENCODING_LABELS = { 'utf-8': 'UTF-8', gb18030: 'GB18030 (GBK)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** `--lang`: a language tag as the feeds' `lang` takes it (LANG_PATTERN), or a usage error. */
function langOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !new RegExp(LANG_PATTERN).test(value)) throw usageError('--lang must be a language tag such as zh-CN or en');
  return value;
}

/**
 * The hidden columns and rows of a workbook, in words ('' when none): left out, or read with --include-hidden. A
 * column is named by its letter and, once the header is known (`headerLines`), its header.
 */
function hiddenNote(workbook: Workbook, included: boolean, headerLines: number[] = []): string {
  const cols = workbook.hiddenColumns.map((c) => {
    const name = headerLines.map((l) => c.cells.get(l)?.trim().slice(0, 30)).filter(Boolean).pop();
    return `${columnName(c.index)}${name ? ` (${name})` : ''}`;
  });
  const rows = workbook.hiddenRows;
  if (!cols.length && !rows.length) return '';
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs[0]!);
  const colsText = cols.length ? `${cols.length > 1 ? 'columns' : 'column'} ${list(cols.length > 12 ? [...cols.slice(0, 11), `${cols.length - 11} more`] : cols)}` : '';
  let lines = ranges(rows);
  if (lines.length > 60) lines = `${lines.slice(0, lines.lastIndexOf(', ', 60))}, …`;
  const several = cols.length + rows.length > 1;
  if (included) {
    return `${[colsText, rows.length ? `${plural(rows.length, 'row')} (${lines})` : ''].filter(Boolean).join(' and ')} ` +
      `${several ? 'are' : 'is'} hidden in the workbook and read, as --include-hidden asks`;
  }
  const rowsText = `${plural(rows.length, 'hidden row')} (${lines})`;
  const was = (n: number) => (n > 1 ? 'were' : 'was');
  return (cols.length
    ? `${colsText} ${cols.length > 1 ? 'are' : 'is'} hidden in the workbook and ${was(cols.length)} left out${rows.length ? `; so ${was(rows.length)} ${rowsText}` : ''}`
    : `${rowsText} ${was(rows.length)} left out`) + `: --include-hidden reads ${several ? 'them' : 'it'}`;
}

/** A Word document: a .docx (a zip whose main part is a document's), or a .doc / .wps (an old Office file with one). */
function isWordDocument(bytes: Uint8Array): boolean {
  try {
    return isZip(bytes) ? zipKind(bytes).kind === 'docx' : isOle(bytes) && oleKind(bytes) === 'doc';
  } catch {
    return false;
  }
}

/** What to do with a file that is neither CSV text nor an .xlsx workbook. */
function notASheet(source: string, bytes: Uint8Array): CliError {
  const save = 'open it in Excel or WPS and save it as "Excel 工作簿 (*.xlsx)" or "CSV UTF-8 (逗号分隔) (*.csv)", then convert that file';
  if (isOle(bytes)) return new CliError(`${source}: this is an Excel 97–2003 workbook (.xls), a workbook protected by a password, or another old Office file, which is not read here: ${save}`);
  if (isPdf(bytes)) {
    return new CliError(`${source}: this is a PDF document, not a spreadsheet: convert the catalogue's spreadsheet (.xlsx or CSV) instead`);
  }
  return new CliError(`${source}: this is not a CSV file or an .xlsx workbook (it holds binary data): if it is a spreadsheet, ${save}`);
}

async function cmdCatalogue(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  // Without its subcommand, as without a command: a usage error, so the help goes to stderr (stdout may be a feed file).
  if (!sub) { err(HELP.catalogue!); return EXIT_USAGE; }
  if (sub === '--help' || sub === '-h' || wantsHelp(rest)) { console.log(HELP.catalogue); return EXIT_OK; }
  if (sub !== 'from-csv' && sub !== 'from-xlsx') throw usageError(`unknown catalogue command "${sub}" (expected from-csv)`);
  const { positional, options } = parseArgs(rest, ['output', 'publisher', 'base-url', 'lang', 'sheet'], ['quiet', 'include-hidden'], { o: 'output' });
  const includeHidden = !!options['include-hidden'];
  const lang = langOption(options.lang);
  const sheet = typeof options.sheet === 'string' ? options.sheet : undefined;
  if (positional.length !== 1) throw usageError(`catalogue ${sub} needs one spreadsheet, a .csv or .xlsx file (e.g. catalogue from-csv 目录.xlsx -o catalogue.json)`);
  const source = positional[0]!;
  const baseUrl = typeof options['base-url'] === 'string' ? options['base-url'] : undefined;
  if (baseUrl && !isUrl(baseUrl)) throw usageError('--base-url must be an http(s) URL');
  await refuseOverwritingInput(typeof options.output === 'string' ? options.output : undefined, source);
  const publisher = typeof options.publisher === 'string' ? options.publisher : undefined;
  const quiet = !!options.quiet;
  const progress = new Progress(quiet);
  let result;
  let readAs: string;
  // What the messages call a record: a line of a CSV file, a row of a workbook's sheet.
  let lw = 'line';
  let bytes: Uint8Array | undefined = (await readBytes(source)).bytes;
  /** The hidden columns and rows of a workbook, left out or read, in words. */
  let hidden = '';
  if (isWordDocument(bytes)) {
    throw new CliError(`${source}: this is a Word document, not a spreadsheet: convert the catalogue's spreadsheet (.xlsx or CSV); ` +
      `if it is the 政府信息公开工作年度报告, ${NAME} annual from-docx ${shellArg(source)} converts it`);
  }
  if (isZip(bytes)) {
    // An Excel workbook: its first sheet shown (or the one --sheet names), row by row.
    let workbook: Workbook;
    try {
      workbook = readXlsx(bytes, sheet, includeHidden);
    } catch (error) {
      // (A sheet the workbook does not have keeps its exit code: a usage error.)
      throw new CliError(`${source}: ${reason(error)}`, (error as Partial<CliError>).exitCode);
    }
    bytes = undefined;
    lw = 'row';
    readAs = `read sheet ${JSON.stringify(workbook.sheet)} of the workbook`;
    try {
      result = catalogueFromRecords(() => workbook.records, { publisher, baseUrl, lang, lineWord: 'row',
        columnName: (i) => columnName(workbook.columns[i]!), onRow: (n) => progress.tick(n, 'rows') });
    } catch (error) {
      // The first sheet of several not being the catalogue: the others are named, and how to choose one.
      const others = sheet === undefined && workbook.sheets.length > 1
        ? `. That is sheet "${workbook.sheet}"; the workbook has ${workbook.sheets.length} (${workbook.sheets.map((s) => JSON.stringify(s)).join(', ')}): --sheet chooses another` : '';
      // The header (or its title column) may be what was left out.
      const left = includeHidden ? '' : hiddenNote(workbook, false);
      throw new CliError(`${source}: ${reason(error)}${others}${left && `; ${left}`}`);
    } finally {
      progress.done();
    }
    result.notes.unshift(...workbook.notes);
    hidden = hiddenNote(workbook, includeHidden, result.headerLines);
    result.warnings = [...result.warnings, ...workbook.warnings].sort((a, b) => a.line - b.line);
  } else {
    if (looksBinary(bytes)) throw notASheet(source, bytes);
    if (sheet !== undefined) throw usageError(`${source}: --sheet chooses a sheet of an Excel workbook (.xlsx); a CSV file has one sheet: leave --sheet out`);
    // The bytes are not kept once decoded (a 40 MB export would stay in memory to the end).
    const { text, encoding, damagedLine, lineEncoding, lineText } = decodeText(bytes);
    bytes = undefined;
    if (damagedLine !== undefined) {
      // Writing U+FFFD (or mojibake) into titles is worse than stopping: nothing is written.
      throw new CliError(`${source}: line ${damagedLine} ` + (lineEncoding
        ? `(${JSON.stringify(lineText)}) is ${ENCODING_LABELS[lineEncoding]}, while the rest of the file is ${ENCODING_LABELS[encoding]} ` +
          `(was that row pasted in from another file?); read as ${ENCODING_LABELS[encoding]} it would come out garbled. `
        : `has bytes that are not ${ENCODING_LABELS[encoding]}, the encoding of the rest of the file (was part of it saved or ` +
          'pasted in another encoding?). ') + `Nothing was written. Open the file in ` +
        `Excel or WPS and save it again as "CSV UTF-8 (逗号分隔)", or correct line ${damagedLine}.`);
    }
    if (/^\s*</.test(text) && /<(html|table|!doctype)/i.test(text.slice(0, 2000))) throw new CliError(`${source}: this is HTML, not CSV`);
    readAs = `read as ${ENCODING_LABELS[encoding]}`;
    try {
      result = catalogueFromCsv(text, { publisher, baseUrl, lang, onRow: (n) => progress.tick(n, 'rows') });
    } catch (error) {
      throw new CliError(`${source}: ${reason(error)}`);
    } finally {
      progress.done();
    }
  }
  const out = typeof options.output === 'string' ? options.output : undefined;
  // The result goes through the same strict validation as `validate`.
  const check = validateFeed(result.feed, 'catalogue');
  for (const p of check.problems.filter((x) => x.severity === 'error')) err(`error: ${p.path}: ${p.message}`);
  if (result.entries === 0) {
    for (const s of result.skipped) err(`${lw} ${s.line}: skipped: ${s.message}${s.hint ? ` (${s.hint})` : ''}`);
    throw new CliError(`${source}: no entries could be read (${plural(result.skipped.length, 'row')} skipped)`);
  }
  await writeOutput(out, jsonPieces(result.feed, 'items'));
  if (!quiet) err(`${source}: ${readAs}; columns: ${result.columns.join(', ')}`);
  if (result.ignoredHeaders.length && !quiet) err(`columns not used: ${result.ignoredHeaders.join(', ')}`);
  // What was left out of the feed is said with --quiet too, as skipped rows are.
  if (hidden && (!quiet || !includeHidden)) err(`note: ${hidden}`);
  if (!quiet) for (const n of result.notes) err(`note: ${n}`);
  for (const s of result.skipped) err(`${lw} ${s.line}: skipped: ${s.message}${s.hint ? ` (${s.hint})` : ''}`);
  // Errors (cells to correct) are said with --quiet too; in line order among the warnings.
  const notes = [...result.errors.map((e) => ({ ...e, what: 'error' })), ...(quiet ? [] : result.warnings.map((w) => ({ ...w, what: 'warning' })))];
  for (const n of notes.sort((a, b) => a.line - b.line)) err(`${lw} ${n.line}: ${n.what}: ${n.message}`);
  const skippedList = result.skipped.slice(0, 5).map((s) => `${lw} ${s.line} (${s.message})`).join(', ');
  const more = result.skipped.length > 5 ? `, … ${result.skipped.length - 5} more` : '';
  err(
    `${plural(result.entries, 'entry', 'entries')} written${out ? ` to ${out}` : ''}` +
      `, ${plural(result.skipped.length, 'row')} skipped${result.skipped.length ? `: ${skippedList}${more}` : ''}` +
      (result.errors.length || result.warnings.length
        ? `; ${[result.errors.length && plural(result.errors.length, 'error'), result.warnings.length && plural(result.warnings.length, 'warning')].filter(Boolean).join(', ')}`
        : ''),
  );
  return check.errors || result.errors.length ? EXIT_FAIL : EXIT_OK;
}

async function cmdAnnual(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  // Without its subcommand, as without a command: a usage error, so the help goes to stderr (stdout may be a feed file).
  if (!sub) { err(HELP.annual!); return EXIT_USAGE; }
  if (sub === '--help' || sub === '-h' || wantsHelp(rest)) { console.log(HELP.annual); return EXIT_OK; }
  if (sub !== 'from-html' && sub !== 'from-docx') throw usageError(`unknown annual command "${sub}" (expected from-html or from-docx)`);
  const { positional, options } = parseArgs(rest, ['output', 'year', 'publisher', 'template', 'lang'], ['quiet'], { o: 'output' });
  const lang = langOption(options.lang);
  if (positional.length !== 1) throw usageError(`annual ${sub} needs exactly one file or URL: the report's page (.html) or its Word document (.docx)`);
  const source = positional[0]!;
  let year: number | undefined;
  if (typeof options.year === 'string') {
    year = Number(options.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw usageError('--year must be a year such as 2022');
  }
  const template = options.template;
  if (template !== undefined && template !== 'CN-2021' && template !== 'CN-2019') throw usageError('--template must be CN-2021 or CN-2019');
  await refuseOverwritingInput(typeof options.output === 'string' ? options.output : undefined, source);
  const { bytes, contentType, url } = await readBytes(source);
  const reads = 'annual from-html reads the annual report as published: its page (its URL, or the page saved from the browser as .html) ' +
    'or its Word document (.docx)';
  const resave = 'open it in Word or WPS and save it as a Word document (文件 → 另存为 → Word 文档 .docx) or as a web page (.html), then convert that';
  let text: string;
  let decoded: ReturnType<typeof decodeText> | undefined;
  if (isZip(bytes)) {
    // A zip: a Word document (whatever its name), else said for what it is.
    let kind;
    try {
      kind = zipKind(bytes);
      text = kind.kind === 'docx' ? docxToHtml(bytes) : '';
    } catch (error) {
      throw new CliError(`${source}: ${reason(error)}`);
    }
    if (kind.kind === 'xlsx') throw new CliError(`${source}: this is an Excel workbook, not an annual report: ${reads}`);
    if (kind.kind === 'odt') throw new CliError(`${source}: this is an OpenDocument text (.odt), which is not read here: ${resave.replace('Word or WPS', 'LibreOffice, Word or WPS')}`);
    if (kind.kind === 'ods') throw new CliError(`${source}: this is an OpenDocument spreadsheet (.ods), not an annual report: ${reads}`);
    if (kind.kind === 'other') throw new CliError(`${source}: this is a zip archive, not an annual report: ${reads}`);
  } else if (isOle(bytes)) {
    const kind = oleKind(bytes);
    if (kind === 'xls') throw new CliError(`${source}: this is an Excel 97–2003 workbook (.xls), not an annual report: ${reads}`);
    throw new CliError(`${source}: this is ${kind === 'encrypted' ? 'a document protected by a password' : 'a Word 97–2003 document (.doc) or a WPS document (.wps)'}, ` +
      `which is not read here: ${kind === 'encrypted' ? 'remove its password, then ' : ''}${resave}`);
  } else if (isPdf(bytes)) {
    throw new CliError(`${source}: this is a PDF, whose tables are not read here: convert the report's page (.html) or its Word document (.docx) instead`);
  } else {
    if (looksBinary(bytes)) throw new CliError(`${source}: this is not an HTML page (it holds binary data): ${reads}`);
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? metaCharset(bytes);
    decoded = decodeText(bytes, declared);
    text = decoded.text;
    if (!/<[a-z!]/i.test(text)) throw new CliError(`${source}: this is not an HTML page: ${reads}`);
  }
  let result;
  try {
    result = annualFromHtml(text, {
      year, template: template as 'CN-2021' | 'CN-2019' | undefined,
      publisher: typeof options.publisher === 'string' ? options.publisher : undefined,
      sourceUrl: url,
      lang,
    });
  } catch (error) {
    throw new CliError(`${source}: ${reason(error)}`);
  }
  const quiet = !!options.quiet;
  if (result.feed.year === null) {
    throw new CliError(`${source}: the report year was not found in the title; give it with --year`);
  }
  const out = typeof options.output === 'string' ? options.output : undefined;
  await writeOutput(out, `${JSON.stringify(result.feed, null, 2)}\n`);
  if (decoded?.damagedLine !== undefined) {
    const { damagedLine, lineEncoding, encoding } = decoded;
    err(lineEncoding
      ? `note: line ${damagedLine} of the page is ${ENCODING_LABELS[lineEncoding]}, while the rest is ${ENCODING_LABELS[encoding]}; ` +
        'its text is read garbled: check the figures and text from that line'
      : `note: line ${damagedLine} of the page has bytes that are not ${ENCODING_LABELS[encoding]}, the encoding of the rest; ` +
        'they are read as \ufffd: check the figures and text from that line');
  }
  for (const n of result.notes) err(`note: ${n}`);
  if (!quiet) {
    err(`format ${result.template} (${result.templateReason}); tables found: ` +
      `二 ${result.found.table2 ? 'yes' : 'no'}, 三 ${result.found.table3 ? 'yes' : 'no'}, 四 ${result.found.table4 ? 'yes' : 'no'}`);
    if (result.blankCells) err(`${plural(result.blankCells, 'blank cell')} written as null (not reported), not 0`);
    if (result.dashCells) err(`${plural(result.dashCells, 'cell')} with only a dash or slash (— or /) written as null (not reported), not 0`);
    if (result.noneCells) err(`${plural(result.noneCells, 'cell')} saying 无 written as 0`);
  }
  const parsed = parseAnnualFeed(result.feed, url ?? 'file:///report.json');
  if (!parsed.ok) throw new CliError(`the result is not a valid annual feed: ${parsed.message}`);
  for (const w of parsed.warnings) err(`warning: ${w.path}: ${w.message}`);
  const issues = reconcile(parsed.report);
  for (const i of issues) {
    err(`check: Table ${i.table} ${i.rule}${i.row ? ` ${i.row}` : ''}${i.column ? ` [${i.column}]` : ''}: expected ${fmt(i.expected)}, found ${fmt(i.actual)}`);
  }
  err(`${result.feed.year} report written${out ? ` to ${out}` : ''}: ${plural(result.notes.length, 'note')}, ` +
    `${issues.length ? plural(issues.length, 'reconciliation issue') : 'the figures reconcile'}`);
  return EXIT_OK;
}

async function cmdEmbed(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) { console.log(HELP.embed); return EXIT_OK; }
  const { positional, options } = parseArgs(argv, ['type', 'cdn'], ['offline', 'quiet']);
  if (positional.length !== 1) throw usageError('embed needs exactly one feed URL');
  const feedUrl = positional[0]!;
  let kind: EmbedKind | null = null;
  let how = '';
  if (typeof options.type === 'string') {
    kind = parseEmbedKind(options.type);
    if (!kind) throw usageError('--type must be catalogue, request-form or annual');
    how = 'type given';
  }
  if (!kind && !options.offline && isUrl(feedUrl)) {
    try {
      const { bytes } = await readBytes(feedUrl, 8000);
      const k = detectFeedKind(JSON.parse(decodeText(bytes).text.replace(/^\ufeff/, '')));
      if (k) { kind = embedKindOf(k); how = `detected from the feed: ${k}`; }
    } catch (error) {
      if (!options.quiet) err(`note: ${feedUrl} could not be read (${(error as Error).message.replace(`${feedUrl}: `, '')}); guessing from the name`);
    }
  }
  if (!kind) {
    kind = guessKindFromName(feedUrl);
    how = 'guessed from the file name';
  }
  if (!kind) throw new CliError(`cannot tell which element shows ${feedUrl}; give --type catalogue, request-form or annual`);
  const cdn = typeof options.cdn === 'string' ? options.cdn : undefined;
  if (cdn && !isUrl(cdn)) throw usageError('--cdn must be an http(s) URL');
  await writeOutput(undefined, renderSnippets(kind, feedUrl, cdnScriptUrl(packageVersion(), cdn), how));
  return EXIT_OK;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        err(HELP.main!);
        return EXIT_USAGE;
      case '--help': case '-h': case 'help':
        console.log(rest[0] && HELP[rest[0]] ? HELP[rest[0]] : HELP.main);
        return EXIT_OK;
      case '--version': case '-v':
        console.log(packageVersion());
        return EXIT_OK;
      case 'validate': return await cmdValidate(rest);
      case 'catalogue': return await cmdCatalogue(rest);
      case 'annual': return await cmdAnnual(rest);
      case 'embed': return await cmdEmbed(rest);
      default:
        err(`unknown command "${command}"\n\n${HELP.main}`);
        return EXIT_USAGE;
    }
  } catch (error) {
    if (error instanceof CliError) {
      err(`${NAME}: ${error.message}`);
      if (error.exitCode === EXIT_USAGE) err(`Run "${NAME} ${command ?? ''} --help" for usage.`);
      return error.exitCode;
    }
    err(`${NAME}: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_FAIL;
  }
}

exitQuietlyOnEpipe();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
