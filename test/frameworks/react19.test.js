// React 19 renders the custom elements directly: it sets `formValues` and `offers` as properties (they exist
// on the element) and listens to `on<event-name>` props with addEventListener. No wrapper needed.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import 'flexiti-elements';
import { formValues as seedFormValues, offers, runScenario, termsHtml } from './scenario.js';

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
    h('flexiti-apply', {
      formValues,
      'onflexiti-error': (event) => setErrors((list) => [...list, event.detail]),
    }),
    h('flexiti-plan-picker', {
      offers,
      amount: 1200,
      // Lower-case: React's own `onChange` is its synthetic event, which custom elements don't fire.
      onchange: (event) => setChoice(event.target.value),
    }),
    h('flexiti-terms', {
      province: 'ON',
      'onflexiti-terms-request': (event) => {
        // Synchronously, inside the listener: the element waits on what is passed.
        event.detail.respondWith(termsHtml(event.detail.request));
        setTermsRequests((list) => [...list, event.detail.request]);
      },
      onchange: (event) => setConsent(event.detail.consent),
    }),
    h('output', { name: 'errors' }, errors.length ? JSON.stringify(errors) : ''),
    h('output', { name: 'choice' }, choice ? JSON.stringify(choice) : ''),
    h('output', { name: 'terms-requests' }, termsRequests.length ? JSON.stringify(termsRequests) : ''),
    h('output', { name: 'consent' }, consent ? JSON.stringify(consent) : ''),
  );
}

runScenario('React 19', async (container) => {
  const controls = {};
  const root = createRoot(container);
  flushSync(() => root.render(h(App, { controls })));
  return {
    breakFormValues: async () => flushSync(() => controls.breakFormValues()),
    unmount: () => root.unmount(),
  };
});
