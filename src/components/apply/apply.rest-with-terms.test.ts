/**
 * The rest of the form (the update a frame after the first) waits briefly for the terms element at its end, so
 * both render in one update and are laid out once. A page of its own: the tag is not defined before the test.
 */
import { expect } from '@open-wc/testing';
import { termsElement } from './apply-terms-on-demand.js';
import { $, seedFormValues } from '../../../test/browser/apply-harness.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';
import '../../define/flexiti-apply.js';

type TermsModule = Awaited<ReturnType<typeof termsElement.load>>;
const download = () => import('../../define/flexiti-terms.js') as Promise<TermsModule>;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('<flexiti-apply> rest of the form with the terms element', () => {
  const downloads = watchDownloads(termsElement, download, { held: true });

  it('renders the rest once the terms element is here, in the same update', async () => {
    const el = document.createElement('flexiti-apply');
    el.formValues = await seedFormValues();
    document.body.append(el);
    try {
      for (let turn = 0; turn < 100 && !el.hasUpdated; turn++) await Promise.resolve();
      expect(el.hasUpdated).to.equal(true);
      // A frame later (when the rest would render on its own) it still waits for the terms element.
      await nextFrame();
      await nextFrame();
      expect($(el, '[part="submit-button"]') !== null, 'the rest waits for the terms element').to.equal(false);

      // When the rest appears, the terms element in it is already defined: no second update or layout for it.
      let termsDefinedWithTheRest: boolean | undefined;
      const observer = new MutationObserver(() => {
        if (termsDefinedWithTheRest === undefined && $(el, '[part="submit-button"]'))
          termsDefinedWithTheRest = $(el, 'flexiti-terms')?.matches(':defined') ?? false;
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      downloads.arrive();
      await el.updateComplete;
      observer.disconnect();
      expect(termsDefinedWithTheRest).to.equal(true);
      expect($(el, 'flexiti-terms')!.shadowRoot !== null, 'the terms element rendered').to.equal(true);
    } finally {
      downloads.arrive();
      el.remove();
    }
  });
});
