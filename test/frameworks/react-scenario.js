// The scenario's app in React, shared by the React 18 and React 19 tests: the same state and <output>s, only
// the way the three elements are created differs (wrappers on 18, the elements themselves on 19). `react` and
// `react-dom` here are the test file's own: the React 18 bundle aliases them (web-test-runner.frameworks.config.mjs).
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { formValues as seedFormValues, offers, runScenario, termsHtml } from './scenario.js';

/**
 * `renderElements({ formValues, offers, onError, onChoice, onTermsRequest, onConsent })` returns the
 * `<flexiti-apply>`, `<flexiti-plan-picker>` and `<flexiti-terms>` React elements, wiring each handler to its event:
 * `flexiti-error`, the picker's `change`, `flexiti-terms-request` and the terms' `change`.
 */
export function runReactScenario(framework, renderElements) {
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
      ...renderElements({
        formValues,
        offers,
        onError: (event) => setErrors((list) => [...list, event.detail]),
        onChoice: (event) => setChoice(event.target.value),
        onTermsRequest: (event) => {
          // Synchronously, inside the listener: the element waits on what is passed.
          event.detail.respondWith(termsHtml(event.detail.request));
          setTermsRequests((list) => [...list, event.detail.request]);
        },
        onConsent: (event) => setConsent(event.detail.consent),
      }),
      h('output', { name: 'errors' }, errors.length ? JSON.stringify(errors) : ''),
      h('output', { name: 'choice' }, choice ? JSON.stringify(choice) : ''),
      h('output', { name: 'terms-requests' }, termsRequests.length ? JSON.stringify(termsRequests) : ''),
      h('output', { name: 'consent' }, consent ? JSON.stringify(consent) : ''),
    );
  }

  runScenario(framework, async (container) => {
    const controls = {};
    const root = createRoot(container);
    flushSync(() => root.render(h(App, { controls })));
    return {
      breakFormValues: async () => flushSync(() => controls.breakFormValues()),
      unmount: () => root.unmount(),
    };
  });
}
