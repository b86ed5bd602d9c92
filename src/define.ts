import { VERSION } from './version.js';

/** A custom element class that records the library version it came from. */
export interface VersionedElement extends CustomElementConstructor {
  readonly libraryVersion?: string;
}

const warned = new Set<string>();

/**
 * Registers `tag` once, safely: a page that loads the script twice, or two versions of the library, never throws.
 * The first definition stays. A different version already registered under the tag warns once in the console.
 */
export function defineElement(tag: string, ctor: VersionedElement): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (existing) {
    const incoming = ctor.libraryVersion ?? VERSION;
    if (existing !== ctor && existing.libraryVersion !== incoming && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `disclosure-elements ${incoming}: <${tag}> is already defined by ` +
          `${existing.libraryVersion ? `version ${existing.libraryVersion}` : 'another script'}; keeping that definition.`,
      );
    }
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch (error) {
    // A race with another copy, or a polyfilled registry: never break the host page.
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`disclosure-elements ${VERSION}: could not define <${tag}>`, error);
    }
  }
}
