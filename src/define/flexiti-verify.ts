import { FlexitiVerify } from '../components/verify/verify.js';

FlexitiVerify.define('flexiti-verify');
