import { FlexitiPlanPicker } from '../components/plan-picker/plan-picker.js';

FlexitiPlanPicker.define('flexiti-plan-picker');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map):
// `import 'flexiti-elements/define/…'` alone types `document.createElement(tag)` and the element's listeners.
export { FlexitiPlanPicker };
export type * from '../events/index.js';
