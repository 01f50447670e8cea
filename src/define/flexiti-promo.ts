import { FlexitiPromo } from '../components/promo/promo.js';

FlexitiPromo.define('flexiti-promo');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map):
// `import 'flexiti-elements/define/…'` alone types `document.createElement(tag)` and the element's listeners.
export { FlexitiPromo };
export type * from '../events/index.js';
