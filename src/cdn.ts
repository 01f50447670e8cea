// The CDN bundle: registers all four elements and exposes the public API, with `connect` so a page without a
// build step wires the elements to its handler in one call.
export * from './index.js';
export { connect, loadFormValues, type ConnectOptions } from './connect/index.js';
