// Property mangling for the builds that ship minified (dist/cdn/*, dist/disclosure-elements.js/.esm.js, and the
// size bench): the private and protected members of our classes (`renderFacet`, `extraLoading`, …) are renamed to
// short names such as `$a`. Vite's minifier (oxc) renames variables but never properties, so every member name used to
// ship in full, once per use. Lit's own builds do the same to their private names.
//
// Only the names in MANGLED are touched: an explicit list, reviewed by hand.
// A name may be listed only when renaming it everywhere is safe, which test/build/mangle.test.mjs checks on every
// `npm test`: it is declared private or protected in src/; it never appears in quotes in the code of src/
// (`changed.has('x')` would miss the rename); it is not a property of the browser's own objects (read from Chromium),
// of Lit, @lit/context or chart.js; and it is not a field of a feed, an event or the intake server's answers (README,
// feeds.md, OpenAPI, demo feeds). The same test fails the other way round too: when a private member longer than
// three letters would pass every check but is not listed, so that none ships its full name by oversight. Renaming is
// consistent across chunks because every build uses the same fixed table (MANGLE_CACHE).
//
// The UI-string keys in MANGLED_KEYS (top-level keys of the strings modules in src/locales/<locale>/: request, and
// also core, catalogue and annual) are renamed the same way: they ship once per locale and again at every use
// (`t.draftRestored`). The same test checks them as it checks members, except that instead of being a private member,
// each must be a top-level key of those strings in every locale and never a nested one (nested keys, such as the
// server's error codes, are looked up by value).
//
// The npm entry points (dist/npm/, for other bundlers) are not mangled. The browser tests run on mangled code too
// (web-test-runner.config.mjs), so they test what ships; `MANGLE=0 npm test` turns that off to debug with real names.
//
// Each name has a slot, and slot i is renamed to the i-th short name: the slots are MANGLED's places, then
// MANGLED_KEYS' places. A name's short name therefore depends on every place before it, so the list only ever changes
// in place, never by closing up; otherwise a change of one name renames every name after it, and every chunk's gzip
// figure moves (±5–40 B) with no change to its code:
// - to stop renaming a name, write FREE in its place (a free slot; its short name is then used by nothing);
// - to add a name, write it in place of a FREE of its own list (a member in MANGLED, a key in MANGLED_KEYS), or
//   add a key at the end of MANGLED_KEYS. MANGLED's length is fixed (KEYS_FROM, checked here): adding a member at its
//   end would move every key. If MANGLED has no FREE left, raise KEYS_FROM together with a few FREE at its end, once.
// Whatever place it takes, no name may be listed that test code reads as a property: the tests are not mangled, so a
// member that is also a UI-string key read by a test (annual-stats' `tpl`: `zhStrings.tpl`) cannot be listed.
// test/build/mangle.test.mjs checks this too: a name listed twice, an entry neither a name nor FREE, MANGLED's
// length, a free slot's short name given to a name, a name the tests read as a property.
import { transform } from 'esbuild';

/** A free slot in MANGLED or MANGLED_KEYS: a name no longer renamed, whose place keeps every other short name. */
export const FREE = null;

/**
 * Member names renamed in the shipped builds (see above for what makes a name safe to add). A name's place fixes its
 * short name: a member removed leaves FREE in its place, and a new member takes a FREE place (see above).
 */
export const MANGLED = [
  'activeFilters', 'afterFirstPaint', 'allStrings', 'announce', 'announceTimer', 'announcement', 'busy', 'catVocab',
  'categoryCount', 'categoryLabel', 'asRefused', 'otherErrors', 'chartsFailed', 'childrenOf', 'clearAll', 'clearForm',
  'completeLoad', 'confirmClear', 'searchIndex', 'againNote', 'keepInStore', 'expanded', 'exportCsv',
  'extraLoading', 'facetCount', 'writeUrl', 'facetOpen', 'facetTerms', 'fetchRemote', 'filtersOpen', 'filtersReady',
  'firstPageOnly', 'focusAfterRetry', 'focusHeading', 'focusedTreeId', 'fromReview', 'fromUrl', 'goPage', 'goToField',
  'hayBuilt', 'pgs', 'inFlight', 'initialYear', 'autoKey', 'loadMorePages', 'loadYear', 'loaders',
  'localeController', 'normalPageSize', 'againFiles', 'onFeedLoaded', 'onForcedColors', 'onHide', 'onInput', 'onOffline', 'onOnline',
  'onPopState', 'onPrint', 'onReady', 'onSubmit', 'onTreeFocus', 'onTreeKey', 'openAncestors', 'openTables', 'orders',
  'pagesAbort', 'paras', 'phase', 'printing', 'leaveProvider', 'providerReady', 'outerProvider', 'rebuildIndex', 'remoteAbort',
  'remoteResult', 'remoteTimer', 'remoteUrl', 'renderAnswer', 'renderBody', 'renderCatalogue', 'renderChart',
  'renderChips', 'renderDetail', 'renderFacet', 'renderFeedState', 'renderField', 'renderForm', 'renderGroup',
  'renderIndex', 'renderItem', 'renderList', 'renderPagination', 'renderPaper', 'renderReceipt', 'toPaper',
  'renderReport', 'renderReview', 'renderSearch', 'renderSection', 'renderStep', 'renderSummary', 'renderTableBlock',
  'renderToolbar', 'renderTree', 'renderTrend', 'renderWarnings', 'textLang', 'resolveSrc', 'restoreDraft', 'restoreFromUrl',
  'retryFeed', 'retryNow', 'yearFeeds', 'rootClasses', 'runQuery', 'runRemote', 'saveDraft', 'seen', 'selectCategory',
  'sendDetail', 'sendState', 'serverErrors', 'setQuery', 'shownError', 'slowTimer', 'specs', 'startLoading', 'stateKey',
  'syncCharts', 'termLabel', 'timers', 'toggleFacet', 'hay', 'urlQuery', 'stuck', 'toggleTree',
  'touch', 'treeOpen', 'trendKey', 'typeField', 'valueFor', 'visibleItems', 'vocab', 'waitOnline', 'kindOf',
  'yearsDone', 'outbox', 'setFiles', 'changedField', 'typedCode', 'newApplication', 'openClear', 'closeClear',
  'leaveReview', 'pack', 'renderOffice', 'moreSkipped', 'changeFilters', 'queried', 'typedName',
  'shownQuery', 'queryResult', 'allItems',
  'chosenYear', 'tableModels', 'chartEntries', 'valueHtml', 'figureText', 'sendable', 'pickYear',
  'insecurePanel', 'reportFeed', 'uiStrings',
  'entered', 'chosenFiles', 'leftFields', 'stepIndex', 'showSummary', 'sentShare', 'keptReceipt', 'formFeedCtl',
  'feedForm', 'idemKey', 'shownView', 'attemptNo', 'triedLookup', 'stepList', 'asSubmission', 'problemOf', 'messageOf',
  'typesOf', 'schedule', 'resetForm', 'checkStep', 'goNext', 'goBack', 'submitReview', 'sendOutbox', 'gotReceipt',
  'printPage', 'answerText', 'renderTextInput', 'chosenType',
  'statusAnswer', 'lookupFailure', 'lookupAbort', 'runLookup', 'statusFeed', 'labelLang', 'withFeedText',
  'askProvider',
];

/** Top-level keys of the elements' UI strings (request, catalogue, annual) renamed in the shipped builds (see above). */
export const MANGLED_KEYS = [
  'paren', 'exportCsvPage', 'timeLimit', 'stepOf', 'reviewHelp', 'changeLabel', 'toReview', 'makePaper', 'clearConfirm', 'clearYes',
  'draftSession', 'draftLocal', 'draftRestored', 'draftFiles', 'summaryTitle', 'errorPrefix', 'fileHelp', 'uploading',
  'sendErrors', 'sendUnknown', 'receiptTitle', 'earlierVersion', 'queryCodeHelp', 'copied', 'dueHelp', 'paperTitle',
  'paperHelp', 'dateBlank', 'edit', 'statusTitle', 'lookupName', 'lookupHelp', 'looking', 'lookupFailed', 'inTime',
  'duePaused', 'contactTitle', 'contactCorrection', 'officeLabels', 'noStatusEndpoint', 'formTitle', 'requiredMark',
  'choosePrompt', 'applicantTypeLabel', 'stepsLabel', 'reviewTitle', 'changeText', 'charCounter', 'chosenLabel',
  'removeLabel', 'removedNote', 'sendingNote', 'retryingNote', 'failedNote', 'offlineNote', 'insecureNote',
  'rejectedNote', 'queryCodeLabel', 'receivedLabel', 'dueLabel', 'signatureLabel', 'attachedNote', 'lookupButton',
  'notFoundNote', 'statusLabel', 'outcomeLabel', 'historyTitle', 'overdueNote', 'statusNames', 'outcomeNames',
  'errorMessages', 'clearedNote', 'noneText', 'tickedText', 'nextButton', 'backButton', 'submitButton', 'printButton',
  'copyButton', 'clearButton', 'cancelButton', 'dateLabel', 'colonMark', 'copyFailed', 'insecureAhead',
  // The shared strings (src/locales/<locale>/core.ts, in the runtime).
  'errorTitle', 'errorNotFound', 'errorServer', 'errorHttp', 'errorInvalidJson', 'errorHtml', 'errorTimeout', 'errorNetwork',
  'errorSchemaVersion', 'errorInvalidRoot', 'errorNoSrc', 'warningSkipped', 'warningIgnored', 'warningDetails', 'warningMore',
  // The catalogue's and annual-stats' strings.
  'colon', 'publishedBy', 'searchLabel', 'searchPlaceholder', 'searchHint', 'showFilters',
  'allCategories', 'showAll',
  'showFewer', 'sortLabel', 'sortPublishedDesc', 'sortPublishedAsc', 'sortCreatedDesc', 'sortTitle', 'pageSizeLabel',
  'resultsRange', 'removeFilter', 'noResults', 'noResultsHelp', 'noItems', 'titleColumn', 'noLink', 'newWindow',
  'detailsFor', 'validityValues', 'pageN', 'pageOf', 'csvFilename', 'loadingMore', 'stepDone',
  'loadMoreFailed', 'loadedAnnouncement', 'remoteError', 'typeUnknown', 'reportLabel', 'yearLabel', 'yearOption',
  'yearChanged', 'yearError', 'notReported', 'approx', 'csvHeadings', 'unitNames', 'downloadCsv', 'downloadCsvOf',
  'showTable', 'hideTable', 'chartData', 'chartSummary', 'othersNote', 'chartEmpty', 'proactiveChart',
  'outcomesChart', 'outcomeLabels', 'trendTitle', 'withUnit', 'trendFigure', 'trendChart', 'trendNote',
  'trendMissing', 'otherFigures', 'ungrouped', 'legacySections', 'reconTitle', 'reconIntro', 'reconColumn',
  'reconRow', 'reconResults', 'reconTable4', 'approxColumn',
  // Added later: at the end (or in a FREE place), so that every name above keeps its short name.
  'lookupLimited', 'unitNamesHant', 'yearsInRun', 'statusLink', 'filesAgain', 'againMark', 'serverNote', 'slowNote',
  'untickedText', 'othersTitle', 'fileMeta', 'sameRefused', 'hideFilters', 'keySpent',
  'skipToResults', 'withCount', 'newConfirm', 'lookupBroken', 'paperHelpNoId',
  'serviceNote', 'pickLabels', 'errorScript', 'lookedUpLabel', 'holidaysUnlisted',
  'heldNote', 'refusedFiles', 'refusedMark',
];

// Letters only: the browser has `RegExp.$1` … `$9`.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** `$a`, `$b`, … `$Z`, then `$aa`, `$ab`, …: the i-th short name (no browser, Lit or chart.js property looks like it). */
export const shortName = (i) => {
  let s = '';
  let n = i;
  do {
    s = ALPHABET[n % ALPHABET.length] + s;
    n = Math.floor(n / ALPHABET.length) - 1;
  } while (n >= 0);
  return `$${s}`;
};

/** The slot where MANGLED_KEYS begin: MANGLED's length, fixed so that no key's short name moves (see above). */
export const KEYS_FROM = 211;
if (MANGLED.length !== KEYS_FROM) {
  throw new Error(`mangle-props: MANGLED has ${MANGLED.length} places, not ${KEYS_FROM}: write FREE where a name was removed, take a FREE place for a new one`);
}
/** Every slot in order (FREE where none): slot i is renamed to shortName(i). */
export const SLOTS = Object.freeze([...MANGLED, ...MANGLED_KEYS]);
/** The fixed renaming table, the same in every build and every chunk. */
export const MANGLE_CACHE = Object.freeze(Object.fromEntries(SLOTS.flatMap((name, i) => name === FREE ? [] : [[name, shortName(i)]])));
const PATTERN = new RegExp(`^(?:${Object.keys(MANGLE_CACHE).join('|')})$`);
const OURS = /[\\/]src[\\/][^?]*\.ts$/;

/** Renames the listed members in one module's JavaScript (already compiled from TypeScript). */
export async function mangleModule(code, file) {
  const r = await transform(code, {
    loader: 'js',
    target: 'es2022',
    mangleProps: PATTERN,
    mangleCache: { ...MANGLE_CACHE },
    sourcemap: 'external',
    sourcefile: file,
    legalComments: 'inline',
    charset: 'utf8',
  });
  const added = Object.keys(r.mangleCache ?? {}).filter((k) => !(k in MANGLE_CACHE));
  if (added.length) throw new Error(`mangle-props: unexpected names ${added.join(', ')} in ${file}`);
  return r;
}

/** Vite plugin: mangles our own modules (src/**\/*.ts) after they are compiled to JavaScript. */
export function mangleProps() {
  return {
    name: 'mangle-props',
    enforce: 'post',
    async transform(code, id) {
      if (!OURS.test(id)) return null;
      const r = await mangleModule(code, id);
      return { code: r.code, map: r.map };
    },
  };
}
