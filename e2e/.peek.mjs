import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve.mjs';
import { findChrome, chromeArgs } from '../scripts/chrome.mjs';
const s = await serveStatic({ root: 'dist/storybook' });
const b = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
for (const [id, tag, sel] of [['elements-request-status--overdue','request-status','[part~=result]'],['elements-catalogue--x','',''],['elements-disclosure-catalogue--english','disclosure-catalogue','header'],['elements-disclosure-provider--english','annual-stats','[part~=header]'],['elements-request-form--server-error','request-form','[part~=send-status].panel'],['elements-disclosure-catalogue--hostile','disclosure-catalogue','[part~=item]'],['elements-annual-stats--broken','annual-stats','[part~=reconciliation]']]) {
  if (!tag) continue;
  const p = await b.newPage();
  await p.goto(`${s.url}/iframe.html?id=${id}&viewMode=story`);
  await p.waitForTimeout(2000);
  console.log(id, '→', (await p.evaluate(([t, q]) => document.querySelector(t)?.shadowRoot?.querySelector(q)?.textContent.replace(/\s+/g,' ').trim().slice(0, 220), [tag, sel])));
  await p.close();
}
await b.close(); await s.close();
