// React 18 sets attributes only and cannot listen to custom events: the wrappers from
// `flexiti-elements/react` (@lit/react's createComponent) set properties and add the listeners.
// Bundled with `react` and `react-dom` aliased to React 18.3 (web-test-runner.frameworks.config.mjs).
import { createElement as h, version } from 'react';
import { FlexitiApply, FlexitiPlanPicker, FlexitiTerms } from 'flexiti-elements/react';
import { runReactScenario } from './react-scenario.js';

if (!version.startsWith('18.')) throw new Error(`expected React 18, got ${version}`);

runReactScenario(
  'React 18 (flexiti-elements/react)',
  ({ formValues, offers, onError, onChoice, onTermsRequest, onConsent }) => [
    h(FlexitiApply, { formValues, onFlexitiError: onError }),
    h(FlexitiPlanPicker, { offers, amount: 1200, onChange: onChoice }),
    h(FlexitiTerms, { province: 'ON', onFlexitiTermsRequest: onTermsRequest, onChange: onConsent }),
  ],
);
