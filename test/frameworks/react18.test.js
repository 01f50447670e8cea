// React 18 sets attributes only and cannot listen to custom events: the wrappers from
// `flexiti-elements/react` (@lit/react's createComponent) set properties and add the listeners.
// Bundled with `react` and `react-dom` aliased to React 18.3 (web-test-runner.frameworks.config.mjs).
import { createElement as h, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FlexitiApply, FlexitiPlanPicker, FlexitiTerms } from 'flexiti-elements/react';
import { formValues as seedFormValues, offers, runScenario, termsHtml } from './scenario.js';

if (!version.startsWith('18.')) throw new Error(`expected React 18, got ${version}`);

function App({ controls }) {
  const [formValues, setFormValues] = useState(seedFormValues);
  const [errors, setErrors] = useState([]);
  const [choice, setChoice] = useState(null);
  const [termsRequests, setTermsRequests] = useState([]);
  const [consent, setConsent] = useState(null);
  controls.breakFormValues = () => setFormValues({});
  return h(
    'div',
    null,
    h(FlexitiApply, { formValues, onFlexitiError: (event) => setErrors((list) => [...list, event.detail]) }),
    h(FlexitiPlanPicker, { offers, amount: 1200, onChange: (event) => setChoice(event.target.value) }),
    h(FlexitiTerms, {
      province: 'ON',
      onFlexitiTermsRequest: (event) => {
        event.detail.respondWith(termsHtml(event.detail.request));
        setTermsRequests((list) => [...list, event.detail.request]);
      },
      onChange: (event) => setConsent(event.detail.consent),
    }),
    h('output', { name: 'errors' }, errors.length ? JSON.stringify(errors) : ''),
    h('output', { name: 'choice' }, choice ? JSON.stringify(choice) : ''),
    h('output', { name: 'terms-requests' }, termsRequests.length ? JSON.stringify(termsRequests) : ''),
    h('output', { name: 'consent' }, consent ? JSON.stringify(consent) : ''),
  );
}

runScenario('React 18 (flexiti-elements/react)', async (container) => {
  const controls = {};
  const root = createRoot(container);
  flushSync(() => root.render(h(App, { controls })));
  return {
    breakFormValues: async () => flushSync(() => controls.breakFormValues()),
    unmount: () => root.unmount(),
  };
});
