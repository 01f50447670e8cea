// React 19 with the native tags, typed by flexiti-elements/jsx-react.
import type {} from 'flexiti-elements/jsx-react';
import 'flexiti-elements';
import { useRef, useState } from 'react';
import type { FlexitiPlanPicker, FormValuesInput } from 'flexiti-elements';
import { FlexitiPlanPicker as PlanPicker } from 'flexiti-elements/react';

export function Checkout({ formValues }: { formValues: FormValuesInput }) {
  const [status, setStatus] = useState('');
  const picker = useRef<FlexitiPlanPicker>(null);
  return (
    <div>
      <flexiti-apply
        formValues={formValues}
        amount={1644}
        onflexiti-result={(event) => setStatus(event.detail.status)}
      />
      <flexiti-plan-picker ref={picker} amount={1299.99} no-interest-plans="6,12" onchange={(event) => event.target} />
      <flexiti-terms
        province="ON"
        className="terms"
        onflexiti-terms-request={(event) =>
          event.detail.respondWith(fetch(`/api/terms?province=${event.detail.request.province}`))
        }
      />
      <flexiti-verify onflexiti-verified={(event) => event.detail} />
      <p>{status}</p>
    </div>
  );
}

// @ts-expect-error amount is a number
export const badAmount = <flexiti-plan-picker amount="1299.99" />;
// @ts-expect-error the listener gets the result event, whose detail has no `nope`
export const badListener = <flexiti-apply onflexiti-result={(event) => event.detail.nope} />;
// @ts-expect-error formValues is the API's form_values, not any object
export const badFormValues = <flexiti-apply formValues={{ provinces: [] }} />;
// @ts-expect-error not one of the package's tags
export const unknownTag = <flexiti-nope />;

// The @lit/react wrappers (React 18 and 19): typed props.
export const wrapped = <PlanPicker amount={1299.99} onChange={(event) => event.target} />;
// @ts-expect-error amount is a number
export const badWrapped = <PlanPicker amount="1299.99" />;
