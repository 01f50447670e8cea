import { FlexitiLookup } from '../components/lookup/lookup.js';

FlexitiLookup.define('flexiti-lookup');
