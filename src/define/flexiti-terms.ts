import { FlexitiTerms } from '../components/terms/terms.js';

FlexitiTerms.define('flexiti-terms');
