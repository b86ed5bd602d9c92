/** Shared bits of the stories: argTypes every element has, event logging, and helpers for `play` functions. */
import type { ArgTypes } from '@storybook/web-components-vite';
import { waitFor } from 'storybook/test';

/** Attributes of every element (`theme`, `large-text`, `timeout` come from the manifest; `lang` is global HTML). */
export const commonArgTypes: Partial<ArgTypes> = {
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  lang: {
    control: 'inline-radio',
    options: ['zh-CN', 'en'],
    description: 'Language of this element (else the closest `[lang]` ancestor, else the provider, else zh-CN).',
    table: { category: 'attributes', type: { summary: 'string' } },
  },
};

/** An attribute value for `ifDefined`: empty strings, null and false become "no attribute". */
export const attr = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' || v === false ? undefined : String(v);

/** Logs an element event in the Actions panel, with a small detail (a feed's data can be megabytes). */
export const logEvent = (action: unknown) => (e: Event) => {
  if (typeof action !== 'function') return;
  const detail = (e as CustomEvent).detail as Record<string, unknown> | undefined;
  const { data: _data, warnings, ...rest } = detail ?? {};
  action({ ...rest, ...(Array.isArray(warnings) ? { warnings: warnings.length } : {}) });
};

/** The story's element of `tag` (the first one in the story root). */
export function elementIn<T extends HTMLElement = HTMLElement>(root: HTMLElement, tag: string): T {
  const el = root.querySelector<T>(tag);
  if (!el) throw new Error(`<${tag}> is not in the story`);
  return el;
}

/** Waits until `selector` matches inside the element's shadow root, and returns the match. */
export async function inShadow<T extends Element = HTMLElement>(host: HTMLElement, selector: string, timeout = 10000): Promise<T> {
  return waitFor(
    () => {
      const found = host.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${selector} not found in <${host.localName}>`);
      return found;
    },
    { timeout },
  );
}

/** Types a value the way the element listens for it: sets it and fires `input`. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
}
