import { createContext } from '@lit/context';

/** What `<disclosure-provider>` shares with the elements inside it. */
export interface ProviderSettings {
  /** Absolute base URL that relative `src` values resolve against. */
  feedBase?: string;
  lang?: string;
  /** The language of the feeds' text when a feed does not say (`feed-lang`; a feed's own root `lang` wins). */
  feedLang?: string;
  /** The agency's name, shown where an element names who publishes. */
  agency?: string;
  largeText?: boolean;
  theme?: string;
}

export const providerContext = createContext<ProviderSettings | undefined>(Symbol.for('disclosure-elements/provider'));
