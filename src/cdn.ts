// The CDN bundle: registers all four elements and exposes the public API.
export * from './index.js';
