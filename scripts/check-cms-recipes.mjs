#!/usr/bin/env node
// Tries the README's "CMS recipes" in the real editors, in headless Chromium: each editor configured as the README
// says, each embed form (the tags, the data-disclosure containers, and a hostile snippet) put in with setData /
// setContent and typed into the editor's source mode (pasted with Ctrl+V as text/html for an editor without one),
// read back, opened again (a saved article edited a second time), and the saved HTML put into a page with
// dist/disclosure-elements.js to see that every element renders (its shadow root has content) and that nothing of the
// hostile snippet runs there, nor in the editor's page. Each editor is also tried without the recipe where the README
// says what that does.
//
// Not part of `npm test` (the editors are large). Run `node scripts/build.mjs` first, then
//
//   node scripts/check-cms-recipes.mjs [--only=ckeditor4,tinymce,…] [--verbose]
//
// It installs the pinned editor packages (VERSIONS) into node_modules/.cache/cms-recipes from the npm registry.
// WordPress (kses, PHP) is tried when `php` and a WordPress are there (see WP_INCLUDES below), else SKIP.
// Prints one line per editor, form and path: PASS; FAIL with what was lost or what got through; KNOWN for a failure
// of the editor itself that the README states. Exit code 1 when anything FAILed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';
import { serveStatic } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'cms-recipes');
const MODS = '/node_modules/.cache/cms-recipes/node_modules';

/** The versions the README names. CKEditor 4: 4.22.1 is the last open-source release (later ones want a licence key). */
const VERSIONS = {
  ckeditor4: '4.22.1',
  ckeditor5: '48.5.2',
  tinymce: '8.9.2',
  dompurify: '3.4.18',
  // The npm package "ueditor" (a Node upload back end) ships Baidu UEditor 1.4.3 in example/public/ueditor.
  ueditor: '1.2.3',
  kindeditor: '4.1.10',
  '@wangeditor/editor': '5.1.23',
  wangeditor: '4.7.15',
};

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const verbose = args.includes('--verbose');

function install() {
  const have = (name) => {
    try {
      return JSON.parse(readFileSync(join(CACHE, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  if (Object.entries(VERSIONS).every(([n, v]) => have(n) === v)) return;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'package.json'), JSON.stringify({ private: true, dependencies: VERSIONS }, null, 2));
  console.log(`installing ${Object.entries(VERSIONS).map(([n, v]) => `${n}@${v}`).join(' ')} into ${CACHE} …`);
  execFileSync('npm', ['install', '--prefix', CACHE, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' });
}

// ---------------------------------------------------------------------------------------------------------------
// The forms, as the README writes them, with every attribute the recipes list.

const TAGS = `<p>本机关政府信息公开目录：</p>
<disclosure-provider feed-base="/demo/feeds/" feed-lang="zh-CN" lang="zh-CN" agency="岳阳市君山区人民政府" theme="light" large-text="">
<disclosure-catalogue id="cat" class="wide" src="catalogue.json" page-size="50" url-key="c" no-url-state="" heading="政府信息公开目录" theme="light" large-text="" timeout="20000" lang="zh-CN"></disclosure-catalogue>
</disclosure-provider>
<annual-stats id="annual" class="wide" src="/demo/feeds/annual/index.json" year="2022" url-key="a" no-url-state="" no-charts="" lang="zh-CN" theme="light" large-text="" timeout="20000"></annual-stats>
<request-form id="apply" class="wide" src="/demo/feeds/request-form.json" persist="local" lang="zh-CN" theme="light" large-text="" timeout="20000"></request-form>
<request-status id="status" class="wide" src="/demo/feeds/request-form.json" query-code="" today="2026-11-27" lang="zh-CN" theme="light" large-text="" timeout="20000"></request-status>`;

const CONTAINERS = `<p>本机关政府信息公开目录：</p>
<div data-disclosure="catalogue" data-src="/demo/feeds/catalogue.json" data-lang="en" data-page-size="50" data-url-key="c" data-no-url-state="" data-heading="Catalogue" data-theme="light" data-large-text="" data-timeout="20000" data-id="cat" data-class="wide"><a href="/xxgk/list.html">政府信息公开目录</a></div>
<div data-disclosure="annual-stats" data-feed-base="/demo/feeds/" data-agency="岳阳市君山区人民政府" data-feed-lang="zh-CN" data-src="annual/index.json" data-year="2022" data-no-charts=""><a href="/xxgk/ndbg.html">政府信息公开工作年度报告</a></div>
<div data-disclosure="request-form" data-src="/demo/feeds/request-form.json" data-persist="local"><a href="/xxgk/ysqgk.html">依申请公开</a></div>
<div data-disclosure="request-status" data-src="/demo/feeds/request-form.json" data-query-code="" data-today="2026-11-27"><a href="/xxgk/cx.html">查询</a></div>`;

// What the recipes must keep out. `bogus` stands for any attribute the recipe does not list.
const HOSTILE = `<p>正文</p>
<script>window.__pwned = (window.__pwned || 0) + 1</script>
<img src="/nope.png" onerror="window.__pwned = (window.__pwned || 0) + 1">
<disclosure-catalogue src="/demo/feeds/catalogue.json" onclick="window.__pwned = 1" bogus="1" style="position:fixed;inset:0"></disclosure-catalogue>
<disclosure-provider feed-base="/demo/feeds/"><script>window.__pwned = (window.__pwned || 0) + 1</script><img src="/nope.png" onerror="window.__pwned = (window.__pwned || 0) + 1"></disclosure-provider>
<x-other><img src="/nope.png" onerror="window.__pwned = (window.__pwned || 0) + 1"></x-other>
<div data-disclosure="catalogue" data-src="/demo/feeds/catalogue.json" onmouseover="window.__pwned = 1" bogus="1" data-onfocus="window.__pwned = 1" data-autofocus="" data-style="position:fixed;inset:0"><a href="/xxgk/list.html">目录</a></div>`;

// The container form written with <p> (for UEditor left with its default allowDivTransToP: true).
const P_CONTAINERS = CONTAINERS.replace(/<div data-disclosure/g, '<p data-disclosure').replace(/<\/div>/g, '</p>');

// Handlers on tags that also have an attribute whose name has a dot: KindEditor's filter (regular expressions) then
// leaves the whole tag as it is. Tried on every editor (a sanitizer that parses HTML removes the handlers).
const HOSTILE_DOT = `<p>正文</p>
<img src="/nope.png" a.b="1" onerror="window.__pwned = (window.__pwned || 0) + 1">
<p><span a.b="1" onclick="window.__pwned = 1">目录</span></p>`;

const FORMS = { tags: TAGS, container: CONTAINERS, 'p-container': P_CONTAINERS, hostile: HOSTILE, 'hostile-dot': HOSTILE_DOT };

// ---------------------------------------------------------------------------------------------------------------
// The recipes. Each `page` is the harness: it loads the editor into #editor and sets window.cms = { set, get,
// source(html) } (source: the HTML typed into the editor's source mode, back to WYSIWYG; resolves when done).

const LIBRARY = ['disclosure-provider', 'disclosure-catalogue', 'annual-stats', 'request-form', 'request-status'];

// WordPress: kses (the filter of posts saved by authors without unfiltered_html) run by PHP on WordPress's own
// wp-includes, with the README's wp_kses_allowed_html filter or without it; the published page also gets wpautop (the
// classic editor's and Classic block's paragraphs). Needs `php` and a WordPress: on Debian `apt-get install php-cli`
// and `apt-get download wordpress && dpkg -x wordpress_*.deb /tmp/wp` (then WP_INCLUDES=/tmp/wp/usr/share/wordpress/wp-includes).
const WP_INCLUDES = process.env.WP_INCLUDES ?? '/usr/share/wordpress/wp-includes';
const WP_RUN = `<?php
define('ABSPATH', dirname($argv[1]) . '/');
define('WPINC', 'wp-includes');
foreach (array('plugin', 'formatting', 'kses', 'functions') as $f) require rtrim($argv[1], '/') . "/$f.php";
if ($argv[3] !== '') require $argv[3];
$html = file_get_contents('php://stdin');
echo $argv[2] === 'autop' ? wpautop($html) : wp_kses($html, 'post');
`;
// The README recipe (functions.php or a small plugin), as it is written there:
const WP_RECIPE = `<?php
add_filter( 'wp_kses_allowed_html', function ( $tags, $context ) {
    if ( 'post' !== $context ) {
        return $tags;
    }
    $common = array( 'id' => true, 'class' => true, 'src' => true, 'lang' => true, 'theme' => true,
        'large-text' => true, 'timeout' => true, 'url-key' => true, 'no-url-state' => true );
    $tags['disclosure-provider']  = array( 'feed-base' => true, 'feed-lang' => true, 'agency' => true, 'lang' => true,
        'theme' => true, 'large-text' => true );
    $tags['disclosure-catalogue'] = $common + array( 'page-size' => true, 'heading' => true );
    $tags['annual-stats']         = $common + array( 'year' => true, 'no-charts' => true );
    $tags['request-form']         = $common + array( 'persist' => true );
    $tags['request-status']       = $common + array( 'query-code' => true, 'today' => true );
    return $tags;
}, 10, 2 );
`;

function wordpress() {
  try {
    execFileSync('php', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'php is not installed';
  }
  if (!existsSync(join(WP_INCLUDES, 'kses.php'))) return `no WordPress at ${WP_INCLUDES} (set WP_INCLUDES)`;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'wp-run.php'), WP_RUN);
  writeFileSync(join(CACHE, 'wp-recipe.php'), WP_RECIPE);
  const version = /\$wp_version = '([^']+)'/.exec(readFileSync(join(WP_INCLUDES, 'version.php'), 'utf8'))?.[1] ?? '?';
  return { version, run: (html, mode, recipe) => execFileSync('php', [join(CACHE, 'wp-run.php'), WP_INCLUDES, mode, recipe ? join(CACHE, 'wp-recipe.php') : ''], { input: html, encoding: 'utf8' }) };
}

const wpPage = (recipe) => `<script>
  let saved = '';
  window.cms = Promise.resolve({ set: async (html) => { saved = await window.wp(html, 'kses', ${recipe}); }, get: () => saved });
</script>`;

const UEDITOR_143 = 'UEditor 1.4.3 has no XSS filter at all (its whitList arrived in 1.4.3.3): filter on the server';

// KindEditor's filter is regular expressions: a tag with an attribute name it does not expect (a dot) is left whole.
const KINDEDITOR_DOT = 'KindEditor leaves a tag unfiltered when an attribute name has a dot (a.b): filter on the server too';

const WANGEDITOR5_XSS = 'wangEditor 5 parses the HTML it opens or is pasted in the editor page, where its onerror runs (the saved article is clean): filter on the server';
const WANGEDITOR4_XSS = 'wangEditor 4 filters nothing that the CMS sets with txt.html(): filter the article on the server';

const EDITORS = {
  wordpress: {
    wordpress: true,
    label: 'WordPress kses, no filter added (author without unfiltered_html)',
    dropped: ['tags'],
    page: wpPage(false),
  },
  'wordpress-tags': {
    wordpress: true,
    label: 'WordPress kses with the README wp_kses_allowed_html filter',
    page: wpPage(true),
  },

  ckeditor4: {
    label: `CKEditor ${VERSIONS.ckeditor4}`,
    page: (recipe) => `<textarea id="editor"></textarea>
<script src="${MODS}/ckeditor4/ckeditor.js"></script>
<script>${recipe ? `
  // The README recipe (config.js):
  CKEDITOR.editorConfig = function (config) {
    config.extraAllowedContent = 'div[data-*];' +
      ' disclosure-provider[feed-base,feed-lang,lang,agency,theme,large-text];' +
      ' disclosure-catalogue[id,src,page-size,url-key,no-url-state,heading,lang,theme,large-text,timeout](*);' +
      ' annual-stats[id,src,year,url-key,no-url-state,no-charts,lang,theme,large-text,timeout](*);' +
      ' request-form[id,src,persist,lang,theme,large-text,timeout](*);' +
      ' request-status[id,src,query-code,today,lang,theme,large-text,timeout](*)';
  };
  ['disclosure-provider', 'disclosure-catalogue', 'annual-stats', 'request-form', 'request-status'].forEach(function (t) {
    CKEDITOR.dtd[t] = CKEDITOR.dtd.div; CKEDITOR.dtd.$block[t] = 1; CKEDITOR.dtd.body[t] = 1; CKEDITOR.dtd.div[t] = 1;
  });` : `
  CKEDITOR.editorConfig = function () {};`}
  // (only for this check: no call home, no config.js request)
  var ed = CKEDITOR.replace('editor', { versionCheck: false, customConfig: '' });
  CKEDITOR.editorConfig(ed.config);
  window.cms = new Promise(function (resolve) {
    ed.on('instanceReady', function () {
      resolve({
        set: function (html) { return new Promise(function (r) { ed.setData(html, { callback: r }); }); },
        get: function () { return ed.getData(); },
        source: function (html) {
          return new Promise(function (r) {
            ed.setMode('source', function () {
              var ta = ed.editable().$;
              ta.value = html;
              ta.dispatchEvent(new Event('input', { bubbles: true }));
              ed.setMode('wysiwyg', r);
            });
          });
        },
      });
    });
  });
</script>`,
  },

  'ckeditor4-default': {
    base: 'ckeditor4',
    label: `CKEditor ${VERSIONS.ckeditor4}, its default configuration (no recipe)`,
    forms: ['container'],
    dropped: ['container'], // its Advanced Content Filter removes data-* attributes
  },

  ckeditor5: {
    // GHS keeps unknown tags only through its $customElement rule, which keeps any unknown tag with its raw content
    // (a <script> inside included): the README advises the container form only.
    dropped: ['tags'],
    label: `CKEditor 5 ${VERSIONS.ckeditor5} (ClassicEditor, GeneralHtmlSupport, SourceEditing)`,
    page: (recipe) => `<link rel="stylesheet" href="${MODS}/ckeditor5/dist/browser/ckeditor5.css">
<div id="editor"></div>
<script src="${MODS}/ckeditor5/dist/browser/ckeditor5.umd.js"></script>
<script>
  const { ClassicEditor, Essentials, Paragraph, Bold, Italic, Link, GeneralHtmlSupport, SourceEditing } = CKEDITOR;
  window.cms = ClassicEditor.create(document.querySelector('#editor'), {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic, Link, ${recipe ? 'GeneralHtmlSupport, ' : ''}SourceEditing],
    toolbar: ['bold', 'italic', 'link', '|', 'sourceEditing'],
${recipe ? `    // The README recipe:
    htmlSupport: {
      allow: [
        { name: 'div', attributes: [{ key: /^data-/, value: true }] },
      ],
    },
` : ''}  }).then((editor) => ({
    set: (html) => editor.setData(html),
    get: () => editor.getData(),
    source: async (html) => {
      const source = editor.plugins.get('SourceEditing');
      source.isSourceEditingMode = true;
      const ta = document.querySelector('.ck-source-editing-area textarea');
      ta.value = html;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      source.isSourceEditingMode = false;
    },
  }));
</script>`,
  },

  'ckeditor5-default': {
    base: 'ckeditor5',
    label: `CKEditor 5 ${VERSIONS.ckeditor5} without GeneralHtmlSupport (no recipe)`,
    forms: ['container'],
    dropped: ['container'], // no div in its model: the div becomes a paragraph without attributes
  },

  tinymce: {
    label: `TinyMCE ${VERSIONS.tinymce} (self-hosted)`,
    page: (recipe) => `<textarea id="content"></textarea>
<script src="${MODS}/tinymce/tinymce.min.js"></script>
<script>
  window.cms = tinymce.init({
    selector: '#content',
    license_key: 'gpl',
    plugins: 'code',
    toolbar: 'bold italic link | code',
${recipe ? `    // The README recipe:
    extended_valid_elements:
      'disclosure-provider[feed-base|feed-lang|lang|agency|theme|large-text],' +
      'disclosure-catalogue[id|class|src|page-size|url-key|no-url-state|heading|lang|theme|large-text|timeout],' +
      'annual-stats[id|class|src|year|url-key|no-url-state|no-charts|lang|theme|large-text|timeout],' +
      'request-form[id|class|src|persist|lang|theme|large-text|timeout],' +
      'request-status[id|class|src|query-code|today|lang|theme|large-text|timeout]',
    custom_elements: 'disclosure-provider,disclosure-catalogue,annual-stats,request-form,request-status',
    convert_urls: false,
` : ''}  }).then(([editor]) => ({
    set: (html) => editor.setContent(html),
    get: () => editor.getContent(),
    source: async (html) => {
      // The "Source code" dialog: its textarea, then Save.
      editor.execCommand('mceCodeEditor');
      const ta = await new Promise((r) => { const f = () => { const t = document.querySelector('.tox-dialog textarea'); t ? r(t) : setTimeout(f, 20); }; f(); });
      ta.value = html;
      ta.dispatchEvent(new Event('input', { bubbles: true }));
      [...document.querySelectorAll('.tox-dialog button')].find((b) => b.textContent.trim() === 'Save').click();
      await new Promise((r) => setTimeout(r, 50));
    },
  }));
</script>`,
  },

  'tinymce-default': {
    base: 'tinymce',
    label: `TinyMCE ${VERSIONS.tinymce}, its default configuration (no recipe)`,
    forms: ['container'],
  },

  ueditor: {
    known: { hostile: UEDITOR_143, 'hostile-dot': UEDITOR_143 },
    label: 'UEditor 1.4.3 (from npm ueditor@' + VERSIONS.ueditor + ')',
    page: ueditorPage(false),
  },

  'ueditor-default': {
    // UEditor as installed, only the whitList added: allowDivTransToP left true.
    label: 'UEditor 1.4.3, allowDivTransToP left at its default (true)',
    forms: ['container', 'p-container'],
    dropped: ['container'],
    page: ueditorPage(true),
  },

  kindeditor: {
    known: { 'hostile-dot': KINDEDITOR_DOT },
    label: `KindEditor ${VERSIONS.kindeditor} (htmlTags extended, filterMode left true)`,
    page: kindeditorPage,
  },

  'kindeditor-default': {
    base: 'kindeditor',
    label: `KindEditor ${VERSIONS.kindeditor}, its default configuration (no recipe)`,
    forms: ['tags', 'container'],
    dropped: ['tags', 'container'], // its default htmlTags lists no custom tag and no data-* attribute
  },

  'kindeditor-nofilter': {
    // filterMode: false (some CMSs set it "so that nothing is lost"): KindEditor then filters nothing.
    forms: ['tags', 'container', 'hostile'],
    known: { hostile: 'KindEditor with filterMode: false filters nothing: keep filterMode true (the default)' },
    label: `KindEditor ${VERSIONS.kindeditor} with filterMode: false`,
    page: () => kindeditorPage(false, 'filterMode: false'),
  },

  // wangEditor has no source mode (4 and 5): an author puts HTML in only by pasting it; the CMS opens a saved article
  // with createEditor({ html }) (5) / txt.html (4). Both paths are tried; there is no recipe (no option keeps a tag or
  // a data-* attribute).
  wangeditor5: {
    known: {
      tags: 'wangEditor 5 keeps no unknown tag (it becomes an empty paragraph): put the element in the page template',
      container: 'wangEditor 5 turns the div into a paragraph and drops every data-* attribute: put the element in the page template',
      'p-container': 'wangEditor 5 drops every data-* attribute of a paragraph: put the element in the page template',
      hostile: WANGEDITOR5_XSS,
      'hostile-dot': WANGEDITOR5_XSS,
    },
    forms: ['tags', 'container', 'p-container', 'hostile', 'hostile-dot'],
    label: `wangEditor ${VERSIONS['@wangeditor/editor']} (@wangeditor/editor, default configuration)`,
    page: `<link rel="stylesheet" href="${MODS}/@wangeditor/editor/dist/css/style.css">
<div id="toolbar"></div>
<div id="editor" style="height:300px"></div>
<script src="${MODS}/@wangeditor/editor/dist/index.js"></script>
<script>
  const { createEditor, createToolbar } = window.wangEditor;
  let editor = null;
  // An article opened for editing: a new editor created with its HTML (as a CMS does), not setHtml on a used one.
  const open = (html) => {
    if (editor) editor.destroy();
    document.querySelector('#toolbar').innerHTML = '';
    editor = createEditor({ selector: '#editor', html: html || '<p><br></p>', mode: 'default' });
    createToolbar({ editor, selector: '#toolbar', mode: 'default' });
  };
  open('');
  window.cms = Promise.resolve({
    set: open,
    get: () => editor.getHtml(),
    pasteTarget: '#editor [contenteditable]',
  });
</script>`,
  },

  wangeditor4: {
    known: {
      tags: 'wangEditor 4 drops every attribute of a pasted unknown tag (no source mode): put the element in the page template',
      container: 'wangEditor 4 drops every data-* attribute of pasted HTML (no source mode): put the element in the page template',
      hostile: WANGEDITOR4_XSS,
      'hostile-dot': WANGEDITOR4_XSS,
    },
    label: `wangEditor ${VERSIONS.wangeditor} (wangeditor, default configuration)`,
    page: `<div id="editor"></div>
<script src="${MODS}/wangeditor/dist/wangEditor.min.js"></script>
<script>
  const editor = new window.wangEditor('#editor');
  editor.create();
  window.cms = Promise.resolve({
    set: (html) => { editor.txt.html(html); },
    get: () => editor.txt.html(),
    pasteTarget: '#editor [contenteditable]',
  });
</script>`,
  },

  dompurify: {
    dropped: ['tags'],
    label: `DOMPurify ${VERSIONS.dompurify} (default configuration)`,
    page: `<script src="${MODS}/dompurify/dist/purify.min.js"></script>
<script>
  let saved = '';
  window.cms = Promise.resolve({ set: (html) => { saved = DOMPurify.sanitize(html); }, get: () => saved });
</script>`,
  },
};

function ueditorPage(divToP) {
  return `<script>window.UEDITOR_HOME_URL = '${MODS}/ueditor/example/public/ueditor/';</script>
<script src="${MODS}/ueditor/example/public/ueditor/ueditor.config.js"></script>
<script>
  // The README recipe (ueditor.config.js). 1.4.3 has no XSS filter, so whitList does nothing there (1.4.3.3+ use it).
  ${divToP ? '' : 'UEDITOR_CONFIG.allowDivTransToP = false;'}
  UEDITOR_CONFIG.whitList = {
    p: ['class', 'style'], a: ['target', 'href', 'title', 'class', 'style'], img: ['src', 'alt', 'title', 'width', 'height'],
    div: ['class', 'style', 'id', 'data-disclosure', 'data-src', 'data-lang', 'data-page-size', 'data-url-key',
      'data-no-url-state', 'data-heading', 'data-year', 'data-no-charts', 'data-persist', 'data-query-code', 'data-today',
      'data-theme', 'data-large-text', 'data-timeout', 'data-id', 'data-class', 'data-feed-base', 'data-feed-lang', 'data-agency'],
    'disclosure-provider': ['feed-base', 'feed-lang', 'lang', 'agency', 'theme', 'large-text'],
    'disclosure-catalogue': ['id', 'class', 'src', 'page-size', 'url-key', 'no-url-state', 'heading', 'lang', 'theme', 'large-text', 'timeout'],
    'annual-stats': ['id', 'class', 'src', 'year', 'url-key', 'no-url-state', 'no-charts', 'lang', 'theme', 'large-text', 'timeout'],
    'request-form': ['id', 'class', 'src', 'persist', 'lang', 'theme', 'large-text', 'timeout'],
    'request-status': ['id', 'class', 'src', 'query-code', 'today', 'lang', 'theme', 'large-text', 'timeout'],
  };
</script>
<script src="${MODS}/ueditor/example/public/ueditor/ueditor.all.js"></script>
<script id="editor" type="text/plain"></script>
<script>
  var ue = UE.getEditor('editor', { serverUrl: '' });
  window.cms = new Promise(function (resolve) {
    ue.ready(function () {
      resolve({
        set: function (html) { ue.setContent(html); },
        get: function () { return ue.getContent(); },
        source: function (html) {
          return new Promise(function (r) {
            ue.execCommand('source');
            setTimeout(function () {
              var ta = document.querySelector('#edui1_iframeholder textarea') || document.querySelector('.edui-editor-iframeholder textarea');
              var cm = document.querySelector('.CodeMirror');
              if (cm && cm.CodeMirror) cm.CodeMirror.setValue(html); else ta.value = html;
              ue.execCommand('source');
              setTimeout(r, 50);
            }, 50);
          });
        },
      });
    });
  });
</script>`;
}

function kindeditorPage(recipe, options = '') {
  return `<textarea id="editor" name="content" style="width:800px;height:300px"></textarea>
<script src="${MODS}/kindeditor/kindeditor-all.js"></script>
<script>${recipe ? `
  // The README recipe (before KindEditor.create):
  var htmlTags = KindEditor.options.htmlTags;
  htmlTags.div = htmlTags.div.concat(['data-disclosure', 'data-src', 'data-lang', 'data-page-size', 'data-url-key',
    'data-no-url-state', 'data-heading', 'data-year', 'data-no-charts', 'data-persist', 'data-query-code', 'data-today',
    'data-theme', 'data-large-text', 'data-timeout', 'data-id', 'data-class', 'data-feed-base', 'data-feed-lang',
    'data-agency']);
  htmlTags['disclosure-provider'] = ['feed-base', 'feed-lang', 'lang', 'agency', 'theme', 'large-text'];
  htmlTags['disclosure-catalogue'] = ['id', 'class', 'src', 'page-size', 'url-key', 'no-url-state', 'heading', 'lang',
    'theme', 'large-text', 'timeout'];
  htmlTags['annual-stats'] = ['id', 'class', 'src', 'year', 'url-key', 'no-url-state', 'no-charts', 'lang', 'theme',
    'large-text', 'timeout'];
  htmlTags['request-form'] = ['id', 'class', 'src', 'persist', 'lang', 'theme', 'large-text', 'timeout'];
  htmlTags['request-status'] = ['id', 'class', 'src', 'query-code', 'today', 'lang', 'theme', 'large-text', 'timeout'];` : ''}
  window.cms = new Promise(function (resolve) {
    var ed = KindEditor.create('#editor', {
      ${options ? `${options},` : ''}
      afterCreate: function () {
        var self = this;
        setTimeout(function () {
          resolve({
            set: function (html) { self.html(html); },
            get: function () { self.sync(); return document.querySelector('#editor').value; },
            source: function (html) {
              // The toolbar's HTML代码 button, the HTML typed into its textarea, the button again.
              return new Promise(function (r) {
                document.querySelector('.ke-icon-source').parentNode.click();
                if (self.edit.designMode) throw new Error('the source mode did not open');
                var ta = document.querySelector('.ke-edit-textarea');
                ta.value = html;
                ta.dispatchEvent(new Event('input', { bubbles: true }));
                document.querySelector('.ke-icon-source').parentNode.click();
                if (!self.edit.designMode) throw new Error('the source mode did not close');
                setTimeout(r, 50);
              });
            },
          });
        });
      },
    });
  });
</script>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Checking, in the page (DOM parsing of the saved HTML).

/** Runs in the browser: what `saved` lost of `expected` (a list of strings; empty = all kept). */
function compare({ expected, saved, form }) {
  const parse = (html) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  };
  const want = parse(expected);
  const got = parse(saved);
  const lost = [];
  const notes = [];
  if (form.startsWith('hostile')) {
    if (got.querySelector('script')) lost.push('a <script> got through');
    for (const el of got.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) lost.push(`<${el.localName} ${a.name}> got through`);
        if (a.name === 'bogus') lost.push(`unlisted attribute <${el.localName} bogus> got through`);
        if (a.name === 'style' && a.value.trim() && el.localName !== 'div' && el.localName !== 'p') lost.push(`<${el.localName} style> got through`);
      }
    }
    return { lost, notes };
  }
  const selector = form === 'tags' ? LIB.join(',') : '[data-disclosure]';
  const wantEls = [...want.querySelectorAll(selector)];
  const gotEls = [...got.querySelectorAll(selector)];
  wantEls.forEach((w, i) => {
    const name = form === 'tags' ? w.localName : `container ${w.getAttribute('data-disclosure')}`;
    const g = form === 'tags' ? got.querySelectorAll(w.localName)[[...want.querySelectorAll(w.localName)].indexOf(w)] : gotEls[i];
    if (!g) return lost.push(`<${w.localName}> (${name}) is gone`);
    if (g.localName !== w.localName) notes.push(`${name}: <${w.localName}> became <${g.localName}>`);
    for (const a of w.attributes) {
      if (!g.hasAttribute(a.name)) lost.push(`${name}: ${a.name} lost`);
      else if (g.getAttribute(a.name) !== a.value) lost.push(`${name}: ${a.name}="${a.value}" became "${g.getAttribute(a.name)}"`);
    }
    if (w.parentElement && w.parentElement.localName !== g.parentElement?.localName && LIB.includes(w.parentElement.localName)) {
      lost.push(`${name}: no longer inside <${w.parentElement.localName}> (parent <${g.parentElement?.localName ?? 'none'}>)`);
    }
    if (form !== 'tags' && w.querySelector('a') && !g.querySelector('a')) notes.push(`${name}: fallback link dropped`);
  });
  return { lost, notes };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  install();
  if (!existsSync(join(ROOT, 'dist', 'disclosure-elements.js'))) {
    console.error('dist/disclosure-elements.js is missing: run `node scripts/build.mjs` first.');
    process.exit(2);
  }
  const server = await serveStatic({ root: ROOT });
  const executablePath = findChrome();
  if (!executablePath) throw new Error('no Chromium found (set CHROME_PATH)');
  const browser = await chromium.launch({ executablePath, args: chromeArgs });
  const base = server.url.replace(/\/$/, '');
  let failed = 0;
  let knownCount = 0;
  try {
    for (const [id, editor] of Object.entries(EDITORS)) {
      if (only && !only.includes(id)) continue;
      let wp = null;
      if (editor.wordpress) {
        wp = wordpress();
        if (typeof wp === 'string') {
          console.log(`\n${editor.label}\n  SKIP  ${wp}: see the comment above WP_INCLUDES in this script`);
          continue;
        }
        console.log(`\n${editor.label.replace('WordPress', `WordPress ${wp.version}`)}`);
      } else console.log(`\n${editor.label}`);
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      if (wp) await context.exposeFunction('wp', (html, mode, recipe) => wp.run(html, mode, recipe));
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => d.dismiss());
      await context.route(`${base}/__cms/**`, (route) => {
        const name = new URL(route.request().url()).pathname.slice('/__cms/'.length);
        const body = name === 'editor.html' ? harness(pageOf(editor)) : pending.get(name);
        route.fulfill({ status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? 'not found' });
      });
      const pending = new Map();
      await page.goto(`${base}/__cms/editor.html`);
      try {
        await page.evaluate(() => window.cms.then(() => true));
      } catch (e) {
        console.log(`  FAIL  the editor did not start: ${String(e).split('\n')[0]}`);
        failed++;
        await context.close();
        continue;
      }
      for (const form of editor.forms ?? ['tags', 'container', 'hostile', 'hostile-dot']) {
        const html = FORMS[form];
        const paths = [
          ['setData → getData', async () => page.evaluate(async (h) => { const c = await window.cms; await c.set(h); return c.get(); }, html)],
        ];
        const hasSource = await page.evaluate(async () => typeof (await window.cms).source === 'function');
        if (hasSource) {
          paths.push(['typed into source mode → getData', async () => page.evaluate(async (h) => { const c = await window.cms; await c.set(''); await c.source(h); return c.get(); }, html)]);
        }
        const pasteTarget = await page.evaluate(async () => (await window.cms).pasteTarget);
        if (pasteTarget) {
          // Copied as HTML (as from another page or a text editor that puts text/html on the clipboard), Ctrl+V.
          paths.push(['pasted (Ctrl+V, text/html) → getData', async () => {
            await page.evaluate(async (h) => {
              const c = await window.cms;
              await c.set('');
              await navigator.clipboard.write([new ClipboardItem({
                'text/html': new Blob([h], { type: 'text/html' }),
                'text/plain': new Blob([h], { type: 'text/plain' }),
              })]);
            }, html);
            await page.click(pasteTarget);
            await page.keyboard.press('Control+V');
            await page.waitForTimeout(300);
            return page.evaluate(async () => (await window.cms).get());
          }]);
        }
        for (const [path, run] of paths) {
          let saved;
          let again;
          // Injected code that runs in the editor page itself (or its same-origin frames) while it is edited.
          const ranInEditor = () => page.evaluate(() => [window, ...Array.from(window.frames)].reduce((n, w) => {
            try {
              return n + (w.__pwned ?? 0);
            } catch {
              return n;
            }
          }, 0));
          await page.evaluate(() => [window, ...Array.from(window.frames)].forEach((w) => { try { w.__pwned = 0; } catch {} }));
          try {
            saved = await run();
            // The saved article opened again and saved again.
            again = await page.evaluate(async (h) => { const c = await window.cms; await c.set(h); return c.get(); }, saved);
          } catch (e) {
            const ran = form.startsWith('hostile') ? await ranInEditor() : 0;
            report(form, path, [`error: ${String(e).split('\n')[0]}`, ...(ran ? [`editor page: injected code ran (${ran}×)`] : [])], [], editor.known?.[form]);
            continue;
          }
          await page.waitForTimeout(form.startsWith('hostile') ? 200 : 0);
          const inEditor = form.startsWith('hostile') ? await ranInEditor() : 0;
          if (editor.dropped?.includes(form)) {
            // The README says this form does not get through: check that it is really gone (nothing half-kept).
            const left = await page.evaluate(({ saved, again, form }) => [saved, again].some((h) => {
              const t = document.createElement('template');
              t.innerHTML = h;
              return !!t.content.querySelector(form === 'tags' ? LIB.join(',') : '[data-disclosure]');
            }), { saved, again, form });
            report(form, path, left ? ['the README says this form is removed, but some of it was kept'] : [], ['removed, as the README says']);
            continue;
          }
          const first = await page.evaluate(compare, { expected: html, saved, form });
          const second = await page.evaluate(compare, { expected: html, saved: again, form });
          const lost = [...first.lost, ...second.lost.filter((l) => !first.lost.includes(l)).map((l) => `${l} (when opened again)`)];
          const notes = [...new Set([...first.notes, ...second.notes])];
          if (inEditor) lost.push(`editor page: injected code ran (${inEditor}×)`);
          const published = wp ? wp.run(again, 'autop', false) : again;
          lost.push(...(await render(base, context, pending, `${id}-${form}-${paths.findIndex(([p]) => p === path)}`, published, form)));
          report(form, path, lost, notes, editor.known?.[form]);
          if (verbose) console.log(`        saved: ${again.replace(/\s+/g, ' ')}`);
        }
      }
      if (errors.length && verbose) console.log(`  page errors: ${errors.join(' | ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  function report(form, path, lost, notes, known) {
    const ok = lost.length === 0;
    if (!ok && !known) failed++;
    else if (!ok) knownCount++;
    const label = ok ? 'PASS' : known ? 'KNOWN' : 'FAIL';
    if (!ok && known) notes = [known, ...notes];
    console.log(`  ${label.padEnd(5)} ${form.padEnd(9)} ${path}${lost.length ? `: ${lost.join('; ')}` : ''}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }
  console.log(`\n${failed ? `${failed} failed` : 'all passed'}${knownCount ? ` (${knownCount} known failures of the editor itself, listed as KNOWN)` : ''}`);
  process.exitCode = failed ? 1 : 0;
}

const pageOf = (editor) => (editor.base ? EDITORS[editor.base].page(false) : typeof editor.page === 'function' ? editor.page(true) : editor.page);

const harness = (body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>editor</title>
<script>window.LIB = ${JSON.stringify(LIBRARY)};</script></head><body>${body}</body></html>`;

/**
 * The saved HTML in a published page with dist/disclosure-elements.js: every element must render (its shadow root
 * has content); for the hostile form, nothing may run. Returns what went wrong.
 */
async function render(base, context, pending, name, saved, form) {
  pending.set(`${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>article</title>
<script src="/dist/disclosure-elements.js"></script></head><body><main>${saved}</main></body></html>`);
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  try {
    await page.goto(`${base}/__cms/${name}.html`);
    await page.waitForLoadState('load');
    if (form.startsWith('hostile')) {
      await page.waitForTimeout(300);
      await page.mouse.move(5, 5);
      await page.mouse.move(400, 300);
      // (not a link that would leave the page: a fallback link an editor kept once the container is lost)
      await page.evaluate(() => { for (const el of document.querySelectorAll('main *')) if (!el.matches('a[href]:not([href^="javascript:" i])')) el.click?.(); });
      await page.waitForTimeout(100);
      const pwned = await page.evaluate(() => window.__pwned ?? 0);
      return pwned ? [`published page: injected code ran (${pwned}×)`] : [];
    }
    const wanted = ['disclosure-catalogue', 'annual-stats', 'request-form', 'request-status'];
    const missing = await page.evaluate(async (tags) => {
      const deadline = Date.now() + 10000;
      const rendered = (t) => {
        const el = document.querySelector(t);
        return !!el && !!el.shadowRoot && el.shadowRoot.childElementCount > 0 && el.shadowRoot.textContent.trim().length > 0;
      };
      while (Date.now() < deadline && !tags.every(rendered)) await new Promise((r) => setTimeout(r, 100));
      return tags.filter((t) => !rendered(t));
    }, wanted);
    const nested = form === 'tags' ? await page.evaluate(() => !!document.querySelector('disclosure-provider > disclosure-catalogue')) : true;
    return [...missing.map((t) => `published page: <${t}> did not render`), ...(nested ? [] : ['published page: catalogue not inside the provider'])];
  } finally {
    await page.close();
  }
}

await main();
