// Vue 3 with a runtime-compiled template: `compilerOptions.isCustomElement` tells Vue the flexiti-* tags are
// custom elements; it then sets `:formValues`/`:offers` as properties (they exist on the element) and binds
// `@flexiti-*` listeners with addEventListener.
import { createApp, nextTick } from 'vue/dist/vue.esm-bundler.js';
import 'flexiti-elements';
import { formValues as seedFormValues, offers, runScenario, termsHtml } from './scenario.js';

const template = `
  <div>
    <flexiti-apply :formValues="formValues" @flexiti-error="errors.push($event.detail)"></flexiti-apply>
    <flexiti-plan-picker :offers="offers" :amount="1200" @change="choice = $event.target.value"></flexiti-plan-picker>
    <flexiti-terms province="ON" @flexiti-terms-request="answerTerms" @change="consent = $event.detail.consent"></flexiti-terms>
    <output name="errors">{{ errors.length ? JSON.stringify(errors) : '' }}</output>
    <output name="choice">{{ choice ? JSON.stringify(choice) : '' }}</output>
    <output name="terms-requests">{{ termsRequests.length ? JSON.stringify(termsRequests) : '' }}</output>
    <output name="consent">{{ consent ? JSON.stringify(consent) : '' }}</output>
  </div>`;

runScenario('Vue 3', async (container) => {
  const app = createApp({
    template,
    data: () => ({ formValues: seedFormValues, offers, errors: [], choice: null, termsRequests: [], consent: null }),
    methods: {
      answerTerms(event) {
        event.detail.respondWith(termsHtml(event.detail.request));
        this.termsRequests.push(event.detail.request);
      },
    },
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('flexiti-');
  const vm = app.mount(container);
  return {
    breakFormValues: async () => {
      vm.formValues = {};
      await nextTick();
    },
    unmount: () => app.unmount(),
  };
});
