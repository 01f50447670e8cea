import { FlexitiApply } from '../components/apply/apply.js';
import { FlexitiTerms } from '../components/terms/terms.js';

// The application's terms step is <flexiti-terms>, so defining the form defines it too (both guarded).
FlexitiTerms.define('flexiti-terms');
FlexitiApply.define('flexiti-apply');
