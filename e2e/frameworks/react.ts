// React 19 test page (built by e2e/frameworks/build.mjs, checked by e2e/frameworks.e2e.mjs). No JSX plugin is
// installed, so React.createElement stands in for JSX; the JSX equivalent is in docs/embedding.md.
//
// React 19 passes a prop to a custom element as a property when the element has one (`pageSize`, `largeText`,
// `noUrlState`, `lang`), else as an attribute; a prop named `on` + the exact event name adds a listener for that
// event (`ondisclosure-load` listens to `disclosure-load`: the name after `on` is taken verbatim, case included).
// The elements must be defined before React renders them, so the library is imported first.
import '../../src/index.js';
import { createElement as h, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CatalogueQuery } from '../../src/elements/disclosure-catalogue/query.js';

const FEED = '/demo/feeds/catalogue.json';

function App(): ReactNode {
  const [lang, setLang] = useState('zh-CN');
  const [pageSize] = useState(50); // the first page size; the reader's own choice wins afterwards
  const [largeText, setLargeText] = useState(false);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [query, setQuery] = useState<{ q: string; total: number } | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  return h('main', null,
    h('p', null,
      h('button', { id: 'lang', type: 'button', onClick: () => setLang((l) => (l === 'en' ? 'zh-CN' : 'en')) }, `lang: ${lang}`),
      h('button', { id: 'large', type: 'button', onClick: () => setLargeText((v) => !v) }, `large text: ${largeText}`)),
    h('p', { id: 'loaded' }, loaded === null ? 'waiting' : `disclosure-load: ${loaded} items`),
    h('p', { id: 'query' }, query ? `disclosure-query: "${query.q}" ${query.total}` : 'no query yet'),
    h('p', { id: 'receipt' }, receipt ? `request-submitted: ${receipt}` : 'no receipt'),
    h('disclosure-catalogue', {
      src: FEED,
      pageSize,
      largeText,
      lang,
      noUrlState: true,
      'ondisclosure-load': (e: CustomEvent<{ data: { items: unknown[] } }>) => setLoaded(e.detail.data.items.length),
      'ondisclosure-query': (e: CustomEvent<{ query: CatalogueQuery; total: number }>) =>
        setQuery({ q: e.detail.query.q, total: e.detail.total }),
    }),
    h('request-form', {
      src: '/demo/feeds/request-form-print.json',
      lang,
      'onrequest-submitted': (e: CustomEvent<{ queryCode: string }>) => setReceipt(e.detail.queryCode),
    }),
  );
}

createRoot(document.getElementById('app')!).render(h(App));
