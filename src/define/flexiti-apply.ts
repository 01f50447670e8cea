import { FlexitiApply } from '../components/apply/apply.js';

// The application's terms step is <flexiti-terms>: the form defines it on demand (apply-terms-on-demand.ts),
// downloading it once the top of the form is painted, so it is not in what a page downloads before that.
FlexitiApply.define('flexiti-apply');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map):
// `import 'flexiti-elements/define/…'` alone types `document.createElement(tag)` and the element's listeners.
export { FlexitiApply };
export type { FlexitiTerms } from '../components/terms/terms.js';
export type * from '../events/index.js';
