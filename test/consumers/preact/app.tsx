// Preact with the native tags, typed by flexiti-elements/jsx-preact.
import type {} from 'flexiti-elements/jsx-preact';
import 'flexiti-elements';
import type { FormValuesInput } from 'flexiti-elements';

export function Checkout({ formValues }: { formValues: FormValuesInput }) {
  return (
    <div>
      <flexiti-apply formValues={formValues} amount={1644} onflexiti-result={(event) => event.detail.status} />
      <flexiti-plan-picker amount={1299.99} onchange={(event) => event.target} />
      <flexiti-terms province="QC" onflexiti-terms-request={(event) => event.detail.request.province} />
    </div>
  );
}

// @ts-expect-error amount is a number
export const badAmount = <flexiti-plan-picker amount="1299.99" />;
// @ts-expect-error not one of the package's tags
export const unknownTag = <flexiti-nope />;
