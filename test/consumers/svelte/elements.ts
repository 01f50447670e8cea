// Svelte 5: the tags in `svelte/elements`' SvelteHTMLElements (what svelte-check types markup against), from
// flexiti-elements/jsx-svelte. Each object is what a `<flexiti-…>` tag in a .svelte file may carry.
import type {} from 'flexiti-elements/jsx-svelte';
import type { FormValuesInput } from 'flexiti-elements';
import type { SvelteHTMLElements } from 'svelte/elements';

type Props<Tag extends keyof SvelteHTMLElements> = SvelteHTMLElements[Tag];

declare const formValues: FormValuesInput;

export const apply: Props<'flexiti-apply'> = {
  formValues,
  amount: 1644,
  class: 'apply',
  'onflexiti-result': (event) => event.detail.status,
  'on:flexiti-result': (event) => event.detail.status,
};
export const picker: Props<'flexiti-plan-picker'> = {
  amount: 1299.99,
  'no-interest-plans': '6,12',
  onchange: (event) => event.target,
};
export const terms: Props<'flexiti-terms'> = {
  province: 'ON',
  'onflexiti-terms-request': (event) =>
    event.detail.respondWith(fetch(`/api/terms?province=${event.detail.request.province}`)),
};
export const verify: Props<'flexiti-verify'> = { 'onflexiti-verified': (event) => event.detail };

// @ts-expect-error amount is a number
export const badAmount: Props<'flexiti-plan-picker'> = { amount: '1299.99' };
// @ts-expect-error the listener gets the result event, whose detail has no `nope`
export const badListener: Props<'flexiti-apply'> = { 'onflexiti-result': (event) => event.detail.nope };
// @ts-expect-error the legacy directive is typed the same way
export const badDirective: Props<'flexiti-apply'> = { 'on:flexiti-result': (event) => event.detail.nope };
// @ts-expect-error formValues is the API's form_values, not any object
export const badFormValues: Props<'flexiti-apply'> = { formValues: { provinces: [] } };
