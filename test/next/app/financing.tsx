'use client';
// The two paths that survive React 19's hydration (which attaches no listener to a custom element's
// `on<event>` prop, facebook/react#35446): the `flexiti-elements/react` wrappers, whose listeners are added in an
// effect, and `connect()`, which listens on the document.
import { useEffect, useState } from 'react';
import { FlexitiPlanPicker, FlexitiTerms } from 'flexiti-elements/react';
import { connect } from 'flexiti-elements/connect';
import type { FlexitiTermsRequestEvent } from 'flexiti-elements';
import type {} from 'flexiti-elements/jsx-react';

const endpoint = '/api/flexiti';

// The merchant's plans, as the POS API's `offer_types` lists them.
const offers = [
  { plan_id: '3', plan_name: 'Equal Payments, No Interest', offer_category: 'equal_billing', term_options: [12, 24] },
];

export function Financing() {
  const [plan, setPlan] = useState('');
  // connect() answers every request the wrapper below does not (here: the Quebec terms).
  useEffect(() => connect(document, { endpoint }), []);

  const loadTerms = (event: FlexitiTermsRequestEvent) => {
    const { province, lang } = event.detail.request;
    event.detail.respondWith(fetch(`${endpoint}/terms?${new URLSearchParams({ province, lang })}`));
  };

  return (
    <form>
      <FlexitiPlanPicker
        offers={offers}
        amount={1299.99}
        onChange={(e) => {
          const choice = (e.currentTarget as HTMLElementTagNameMap['flexiti-plan-picker']).value;
          setPlan(choice ? `${choice.plan_id} ${choice.term ?? ''}` : '');
        }}
      />
      <output id="plan">{plan}</output>
      <FlexitiTerms id="wrapper-terms" province="ON" onFlexitiTermsRequest={loadTerms} />
      <flexiti-terms id="connected-terms" province="QC"></flexiti-terms>
    </form>
  );
}
