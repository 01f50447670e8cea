import { FlexitiPlanPicker } from '../components/plan-picker/plan-picker.js';

FlexitiPlanPicker.define('flexiti-plan-picker');
