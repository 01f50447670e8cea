// Vue: the tags in GlobalComponents (what vue-tsc checks templates against), from flexiti-elements/vue.
import type {} from 'flexiti-elements/vue';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const apply: Props<'flexiti-apply'> = { amount: 1644, onFlexitiResult: (event) => event.detail.status };
export const terms: Props<'flexiti-terms'> = {
  province: 'ON',
  onFlexitiTermsRequest: (event) => event.detail.request.province,
};
// @ts-expect-error amount is a number
export const badAmount: Props<'flexiti-plan-picker'> = { amount: '1299.99' };
