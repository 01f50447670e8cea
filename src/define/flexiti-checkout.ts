import { FlexitiCheckout } from '../components/checkout/checkout.js';
import './flexiti-apply.js';
import './flexiti-plan-picker.js';
import './flexiti-verify.js';

FlexitiCheckout.define('flexiti-checkout');
