// Vue 3 test page (built by e2e/frameworks/build.mjs, checked by e2e/frameworks.e2e.mjs). A template compiled in the
// browser (the full build, vue/dist/vue.esm-bundler.js); in a Vite + .vue project set the same isCustomElement
// under `vue({ template: { compilerOptions } })` instead.
//
// Vue 3.5 sets a bound value on a custom element as a property when the element has a property of the name as
// written (`:lang`, `:src`), else as an attribute (`:page-size` sets the attribute page-size, which the element
// follows); `.prop` forces a property, under the name written (`:largeText.prop`, not `:large-text.prop`, which would
// set a property called "large-text"). `@disclosure-load` listens to the event.
// The elements must be defined before the app mounts, so the library is imported first.
import '../../src/index.js';
import { createApp } from 'vue/dist/vue.esm-bundler.js';

const TAGS = ['disclosure-catalogue', 'disclosure-provider', 'annual-stats', 'request-form', 'request-status'];

const app = createApp({
  data: () => ({
    lang: 'zh-CN',
    pageSize: 50,
    largeText: false,
    loaded: null as number | null,
    query: null as { q: string; total: number } | null,
    receipt: null as string | null,
    feed: '/demo/feeds/catalogue.json',
  }),
  methods: {
    onLoad(e: CustomEvent<{ data: { items: unknown[] } }>) { this.loaded = e.detail.data.items.length; },
    onQuery(e: CustomEvent<{ query: { q: string }; total: number }>) { this.query = { q: e.detail.query.q, total: e.detail.total }; },
    onSubmitted(e: CustomEvent<{ queryCode: string }>) { this.receipt = e.detail.queryCode; },
  },
  template: `
    <main>
      <p>
        <button id="lang" type="button" @click="lang = lang === 'en' ? 'zh-CN' : 'en'">lang: {{ lang }}</button>
        <button id="large" type="button" @click="largeText = !largeText">large text: {{ largeText }}</button>
      </p>
      <p id="loaded">{{ loaded === null ? 'waiting' : 'disclosure-load: ' + loaded + ' items' }}</p>
      <p id="query">{{ query ? 'disclosure-query: "' + query.q + '" ' + query.total : 'no query yet' }}</p>
      <p id="receipt">{{ receipt ? 'request-submitted: ' + receipt : 'no receipt' }}</p>
      <disclosure-catalogue :src="feed" :page-size="pageSize" :largeText.prop="largeText" :lang="lang" no-url-state
        @disclosure-load="onLoad" @disclosure-query="onQuery"></disclosure-catalogue>
      <request-form src="/demo/feeds/request-form-print.json" :lang="lang" @request-submitted="onSubmitted"></request-form>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag: string) => TAGS.includes(tag);
app.mount('#app');
