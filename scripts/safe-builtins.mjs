// chart.js calls `Array.from(set)` in six places (its config scopes, resolvers and helpers). Prototype.js and MooTools,
// still found on old CMS pages, replace `Array.from` with a version that ignores iterables and returns [] for a Set,
// which breaks every chart on such a page ("Reflect.getPrototypeOf called on non-object"). The chart code we ship
// uses spread instead (`[...set]`), which those libraries leave alone. Our own code never calls `Array.from`
// (test/build/safe-builtins.test.mjs checks). The build fails if a chart.js update adds a call this cannot rewrite.
const CHART_JS = /node_modules[\\/]chart\.js[\\/]dist[\\/](?:chart|chunks[\\/]index)\.js$/;

/** chart.js's code with `Array.from(x)` written as `[...x]`; other code unchanged. */
export function withoutArrayFrom(code, id) {
  if (!CHART_JS.test(id.split('?')[0])) return null;
  const out = code.replace(/\bArray\.from\((\w+)\)/g, '[...$1]');
  if (/\bArray\.from\s*\(/.test(out)) throw new Error(`${id}: an Array.from call scripts/safe-builtins.mjs cannot rewrite`);
  return out;
}

/**
 * Rolldown's runtime builds a module namespace object (an inlined dynamic import: the single-file builds' locale
 * modules) with `for (var name in all)`, which also walks what a page put on Object.prototype: one enumerable value
 * there (`Object.prototype.src = '…'`, a prototype-pollution bug in the page's own scripts) became a getter that is not
 * a function, and the whole script stopped at load ("Getter must be a function"). Its own keys only, here. The build
 * fails if a Rolldown update changes the loops this rewrites.
 */
export function ownKeysRuntime(code, id) {
  if (!/^\0rolldown\/runtime\.js$/.test(id)) return null;
  const out = code.replace(/for \(var name in all\)/g, 'for (var name of Object.keys(all))');
  if (/for \(var \w+ in /.test(out) || out === code) throw new Error(`${id}: a for…in loop scripts/safe-builtins.mjs cannot rewrite`);
  return out;
}

/** Vite plugin form. */
export function safeBuiltins() {
  return {
    name: 'safe-builtins',
    transform(code, id) {
      const out = withoutArrayFrom(code, id) ?? ownKeysRuntime(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
