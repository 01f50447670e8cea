import { FlexitiApply } from '../components/apply/apply.js';
import { FlexitiTerms } from '../components/terms/terms.js';

// The application's terms step is <flexiti-terms>, so defining the form defines it too (both guarded).
FlexitiTerms.define('flexiti-terms');
FlexitiApply.define('flexiti-apply');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map):
// `import 'flexiti-elements/define/…'` alone types `document.createElement(tag)` and the element's listeners.
export { FlexitiApply, FlexitiTerms };
export type * from '../events/index.js';
