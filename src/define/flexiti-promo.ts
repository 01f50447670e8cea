import { FlexitiPromo } from '../components/promo/promo.js';

FlexitiPromo.define('flexiti-promo');
