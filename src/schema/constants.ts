/**
 * The enum lists and constants of the three feeds (feeds.md), shared by the elements' tolerant parsers and by the
 * declarative shapes in shapes.ts (JSON Schema files, the CLI's strict validator). Kept apart from shapes.ts so a
 * browser bundle that needs a list does not carry the whole description of the feeds.
 */

export * from './constants/common.js';
export * from './constants/catalogue.js';
export * from './constants/annual.js';
export * from './constants/request-form.js';
