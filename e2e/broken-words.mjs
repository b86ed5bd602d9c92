// Which words an element draws broken over two lines although a line would hold them (a box squeezed narrower than
// its words): what the elements' common `overflow-wrap: anywhere` could do wrongly. Used by the reflow test in the
// browser (test/reflow-spacing.test.ts, at 320px) and by the Storybook smoke test (every story, at 1200px), which
// puts it in each page as `window.__brokenWords`: so it must stay one self-contained function.

/**
 * The Latin words and figures of up to 15 characters in `root` (a shadow root) drawn on more than one line, as
 * “word” in <tag>. Left out: visually hidden text (.vh), fields and pickers; tables, whose columns share the width
 * as they each decide (the paper form; the annual report's, which scroll); longer tokens (a link, an index number, an
 * ID number), which break where a line ends.
 */
export function brokenWords(root) {
  const out = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    const p = t.parentElement;
    if (p.closest('style, option, [hidden], .vh, canvas, select, textarea, table') || !p.checkVisibility()) continue;
    for (const m of t.textContent.matchAll(/[A-Za-z0-9][\w'’.,:/-]*[A-Za-z0-9]/g)) {
      if (m[0].length > 15) continue;
      const r = document.createRange();
      r.setStart(t, m.index);
      r.setEnd(t, m.index + m[0].length);
      if (new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size > 1) {
        out.push(`“${m[0]}” in <${p.localName}> “${p.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}”`);
      }
    }
  }
  return out;
}
