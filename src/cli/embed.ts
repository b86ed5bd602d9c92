/** `embed`: the snippets a webmaster pastes to show a feed. */
import type { FeedKind } from '../schema/shapes.js';

export type EmbedKind = 'catalogue' | 'request-form' | 'annual-stats';

export const TAGS: Record<EmbedKind, string> = {
  catalogue: 'disclosure-catalogue',
  'request-form': 'request-form',
  'annual-stats': 'annual-stats',
};

export const embedKindOf = (k: FeedKind): EmbedKind =>
  k === 'catalogue' ? 'catalogue' : k === 'request-form' ? 'request-form' : 'annual-stats';

/** Accepts catalogue | request-form | annual | annual-stats | annual-report | annual-index (and the tag names). */
export function parseEmbedKind(s: string): EmbedKind | null {
  const v = s.trim().toLowerCase();
  if (v === 'catalogue' || v === 'catalog' || v === 'disclosure-catalogue') return 'catalogue';
  if (v === 'request-form' || v === 'form' || v === 'request') return 'request-form';
  if (v === 'annual' || v === 'annual-stats' || v === 'annual-report' || v === 'annual-index' || v === 'report') return 'annual-stats';
  return null;
}

/** Guess from the URL's file name, for when the feed cannot be fetched. */
export function guessKindFromName(url: string): EmbedKind | null {
  const raw = url.split(/[?#]/)[0]!.toLowerCase();
  let name = raw;
  try { name = decodeURIComponent(raw); } catch { /* bad percent-encoding (%E0%A4): match the name as written */ }
  if (/catalog|mulu|目录|xxgkml/.test(name)) return 'catalogue';
  if (/request|form|apply|shenqing|ysqgk|申请/.test(name)) return 'request-form';
  if (/annual|report|nianbao|ndbg|年报|年度|(^|\/)(19|20)\d{2}\.json$|(^|\/)index\.json$/.test(name)) return 'annual-stats';
  return null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function cdnScriptUrl(version: string, cdn?: string): string {
  if (cdn) return `${cdn.replace(/\/+$/, '')}/disclosure-elements@${version}/dist/disclosure-elements.js`;
  return `https://unpkg.com/disclosure-elements@${version}/dist/disclosure-elements.js`;
}

/** Splits a feed URL into the directory (for feed-base) and the file name. */
function splitUrl(url: string): { base: string; file: string } {
  const clean = url.split(/[?#]/)[0]!;
  const i = clean.lastIndexOf('/');
  if (i < 0) return { base: './', file: url };
  return { base: url.slice(0, i + 1), file: url.slice(i + 1) || url };
}

export interface Snippets { oneTag: string; provider: string; div: string; divScript: string }

export function snippets(kind: EmbedKind, feedUrl: string, scriptUrl: string): Snippets {
  const tag = TAGS[kind];
  const { base, file } = splitUrl(feedUrl);
  const s = esc(scriptUrl);
  const extra = kind === 'request-form' ? `\n  <request-status src="${esc(file)}"></request-status>` : '';
  return {
    oneTag: `<script src="${s}" data-disclosure="${kind}" data-src="${esc(feedUrl)}"></script>`,
    provider: `<script src="${s}"></script>\n<disclosure-provider feed-base="${esc(base)}" lang="zh-CN">\n  <${tag} src="${esc(file)}"></${tag}>${extra}\n</disclosure-provider>`,
    divScript: `<script src="${s}"></script>`,
    div: `<div data-disclosure="${kind}" data-src="${esc(feedUrl)}"></div>`,
  };
}

export function renderSnippets(kind: EmbedKind, feedUrl: string, scriptUrl: string, how: string): string {
  const x = snippets(kind, feedUrl, scriptUrl);
  return [
    // ">" percent-encoded (the same URL): a "-->" in it would end the comment, and the rest be pasted as markup.
    `<!-- disclosure-elements: <${TAGS[kind]}> for ${feedUrl.replace(/>/g, '%3E')} (${how}) -->`,
    '',
    '<!-- 1. One script tag: the element appears right after it -->',
    x.oneTag,
    '',
    '<!-- 2. Tags, with shared settings on <disclosure-provider> -->',
    x.provider,
    '',
    '<!-- 3. For editors that strip unknown tags and scripts: the script in the page template, the div in the article -->',
    x.divScript,
    x.div,
    '',
  ].join('\n');
}
