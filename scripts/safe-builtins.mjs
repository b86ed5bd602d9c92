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

/** Vite plugin form. */
export function safeBuiltins() {
  return {
    name: 'safe-builtins',
    transform(code, id) {
      const out = withoutArrayFrom(code, id);
      return out === null ? null : { code: out, map: null };
    },
  };
}
