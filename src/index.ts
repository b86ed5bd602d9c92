/** Registers every element. The entry of the npm package root and of the single-file CDN builds. */
export * from './provider.js';
export * from './catalogue.js';
export * from './annual-stats.js';
export * from './request-form.js';
export * from './request-status.js';
export { defineElement } from './define.js';
export { VERSION } from './version.js';
