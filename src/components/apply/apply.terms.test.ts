/**
 * `<flexiti-terms>`, the application's terms step, loads on demand (apply-terms-on-demand.ts). Here its download is
 * held until the test lets it arrive, or fails. A page of its own: the tag is not defined before the first test.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { termsElement } from './apply-terms-on-demand.js';
import { applyScreens, type ApplyScreens } from './apply-screens-on-demand.js';
import {
  $,
  VALID,
  agree,
  control,
  deepActiveElement,
  fillValid,
  mount,
  seedFormValues,
  setField,
  submitForm,
  terms,
  text,
  type Mounted,
} from '../../../test/browser/apply-harness.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';

type TermsModule = Awaited<ReturnType<typeof termsElement.load>>;
const download = () => import('../../define/flexiti-terms.js') as Promise<TermsModule>;
const downloadScreens = () => import('./apply-screens.js') as Promise<ApplyScreens>;

/** Whether `promise` settles within a tenth of a second. */
const settlesSoon = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 100))]);

describe('<flexiti-apply> terms on demand', () => {
  const downloads = watchDownloads(termsElement, download, { held: true });
  const screensDownloads = watchDownloads(applyScreens, downloadScreens);

  it('renders the whole form while the terms element downloads; it upgrades with what apply set on it', async () => {
    // Not awaited: mount waits for `updateComplete`, which waits for the terms element.
    const mounting = mount({ province: 'ON' });
    const page = () => document.querySelector('flexiti-apply');
    await waitUntil(
      () => page()?.shadowRoot?.querySelector('[part="submit-button"]'),
      'the whole form was not rendered',
      { timeout: 4000 },
    );
    const el = page()!;
    expect(customElements.get('flexiti-terms'), 'not defined before its download').to.equal(undefined);
    expect(downloads.count, 'the terms section asked for it').to.equal(1);
    const element = terms(el);
    expect(element.matches(':defined')).to.equal(false);
    expect([
      element.getAttribute('name'),
      element.getAttribute('province'),
      element.hasAttribute('required'),
    ]).to.deep.equal(['tos_agreement', 'ON', true]);
    expect(await settlesSoon(el.updateComplete), 'updateComplete waits for the terms element').to.equal(false);

    // A submit before it arrived waits for it (it holds the consent), and downloads nothing more.
    $<HTMLButtonElement>(el, 'form [part="submit-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($(el, '[part="error-summary"]'), 'no summary before the terms element').to.equal(null);
    expect(downloads.count).to.equal(1);

    // The review's screens preload only after the terms element: downloads come in the order the customer needs.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    expect(screensDownloads.count, 'no screens preload while the terms element downloads').to.equal(0);

    downloads.arrive();
    const { requests }: Mounted = await mounting;
    await el.updateComplete;
    await waitUntil(() => screensDownloads.count === 1, 'the screens were not preloaded once the terms arrived', {
      timeout: 4000,
    });
    expect(terms(el), 'upgraded in place').to.equal(element);
    expect(element).to.be.instanceOf(customElements.get('flexiti-terms')!);
    expect(element.province, 'its attributes reached it').to.equal('ON');
    expect(element.form, 'associated with the application form').to.equal($(el, 'form'));
    await waitUntil(() => requests('flexiti-terms-request').length > 0, 'the terms were not requested', {
      timeout: 4000,
    });
    expect(requests('flexiti-terms-request')[0]).to.deep.include({ province: 'ON' });

    // The waiting submit went on: apply's `.error` reaches the upgraded element (no instance property shadows it).
    await waitUntil(() => $(el, '[part="error-summary"]'), 'the waiting submit did not go on');
    await waitUntil(
      () => text(element.shadowRoot!.querySelector('#agreement-message')).includes('you must agree'),
      'the terms error did not reach the terms element',
    );

    // Focus moves to the terms when they are the only problem, and agreeing there is the form's consent.
    for (const [name, value] of Object.entries(VALID)) await setField(el, name, value);
    await submitForm(el);
    await waitUntil(() => el.shadowRoot!.activeElement === element, 'the terms element did not get the focus');
    expect(element.validity.valid, 'its validity, as a form control').to.equal(false);
    await agree(el);
    expect(element.validity.valid).to.equal(true);
    await submitForm(el);
    expect(el.state).to.equal('review');
    expect(downloads.count, 'one download in all').to.equal(1);
  });

  it('starts the download once the top of the form is painted, before the terms section renders', async () => {
    const formValues = await seedFormValues();
    const el = document.createElement('flexiti-apply');
    el.formValues = formValues;
    document.body.append(el);
    try {
      // Lit's first update runs in a microtask: turns of the queue reach it before any frame (the second update).
      for (let turn = 0; turn < 100 && !el.hasUpdated; turn++) await Promise.resolve();
      expect(el.hasUpdated).to.equal(true);
      expect(el.shadowRoot!.querySelector('flexiti-terms') === null, 'the terms section is not rendered yet').to.equal(
        true,
      );
      // Not in the first update: an import() costs the main thread, and the top of the form is painted first.
      expect(downloads.count, 'nothing downloads before the first paint').to.equal(0);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(downloads.count, 'its element is downloading').to.equal(1);
      expect(el.shadowRoot!.querySelector('flexiti-terms') === null, 'the rest waits for it').to.equal(true);
      downloads.arrive();
      await el.updateComplete;
      expect(downloads.count, 'the terms section did not download it again').to.equal(1);
    } finally {
      el.remove();
    }
  });

  it('a failed download keeps the form with the network error, and a submit tries again', async () => {
    Object.assign(downloads, { held: false, offline: true });
    const { el, events } = await mount({ province: 'ON' });
    expect(downloads.count, 'the terms section asked for it').to.equal(1);
    await setField(el, 'first_name', VALID.first_name!);

    await submitForm(el);
    await waitUntil(() => $(el, '#download-error'), 'no network error');
    expect(el.state).to.equal('form');
    expect(downloads.count, 'the submit tried again').to.equal(2);
    expect($(el, '#download-error')!.dataset.code).to.equal('network_error');
    expect(text($(el, '#download-error'))).to.match(/^We couldn't connect\./);
    await waitUntil(() => deepActiveElement() === $(el, '#download-error'), 'the error did not get the focus');
    expect(events.filter((event) => event.type === 'flexiti-error').map((event) => event.detail)).to.deep.include({
      type: 'network',
      code: 'network_error',
      source: 'flexiti-apply',
    });
    expect($(el, '[part="error-summary"]'), 'no validation before the terms element').to.equal(null);
    expect(control(el, 'first_name').value, 'nothing typed was lost').to.equal(VALID.first_name);
    expect($<HTMLButtonElement>(el, 'form [part="submit-button"]')!.disabled).to.equal(false);

    downloads.offline = false;
    await submitForm(el);
    await waitUntil(() => $(el, '[part="error-summary"]'), 'the submit did not go on once the terms element arrived');
    expect($(el, '#download-error')).to.equal(null);
    await fillValid(el);
    await submitForm(el);
    expect(el.state).to.equal('review');
    expect(downloads.count).to.equal(3);
  });
});
