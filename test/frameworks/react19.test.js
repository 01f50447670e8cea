// React 19 renders the custom elements directly: it sets `formValues` and `offers` as properties (they exist
// on the element) and listens to `on<event-name>` props with addEventListener. No wrapper needed.
import { createElement as h } from 'react';
import 'flexiti-elements';
import { runReactScenario } from './react-scenario.js';

runReactScenario('React 19', ({ formValues, offers, onError, onChoice, onTermsRequest, onConsent }) => [
  h('flexiti-apply', { formValues, 'onflexiti-error': onError }),
  // Lower-case: React's own `onChange` is its synthetic event, which custom elements don't fire.
  h('flexiti-plan-picker', { offers, amount: 1200, onchange: onChoice }),
  h('flexiti-terms', { province: 'ON', 'onflexiti-terms-request': onTermsRequest, onchange: onConsent }),
]);
