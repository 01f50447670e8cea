import { FlexitiLookup } from '../components/lookup/lookup.js';

FlexitiLookup.define('flexiti-lookup');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map):
// `import 'flexiti-elements/define/…'` alone types `document.createElement(tag)` and the element's listeners.
export { FlexitiLookup };
export type * from '../events/index.js';
