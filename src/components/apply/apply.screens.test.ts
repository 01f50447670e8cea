/**
 * Apply's screens after the form (review, outcomes, Quebec's choice) load on demand (apply-screens-on-demand.ts).
 * Here their download is held until the test lets it arrive, or fails. A page of its own: the first test sees the
 * page's one preload.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { applyScreens, type ApplyScreens } from './apply-screens-on-demand.js';
import {
  $,
  VALID,
  confirm,
  control,
  deepActiveElement,
  fillValid,
  mount,
  outcomeKind,
  seedApply,
  settled,
  submitForm,
  text,
} from '../../../test/browser/apply-harness.js';
import { watchDownloads } from '../../../test/browser/on-demand-harness.js';

const download = () => import('./apply-screens.js') as Promise<ApplyScreens>;
const QUEBEC = {
  province: 'QC',
  city: 'Montréal',
  postal_code: 'H2X 1Y4',
  phone_number: '514 555 0199',
  monthly_housing_expenses: '1200',
};

describe('<flexiti-apply> screens on demand', () => {
  const downloads = watchDownloads(applyScreens, download, { held: true });

  it('renders the whole form without them, preloads them, and shows the review once they arrive', async () => {
    const approved = await seedApply('200 - Success - ROC applicant');
    const { el } = await mount({ onApply: () => approved });
    expect(el.state).to.equal('form');
    expect($(el, 'form [part="submit-button"]'), 'the form is whole').to.exist;
    await fillValid(el);
    await waitUntil(() => downloads.count === 1, 'the screens download once the form is shown, before any submit', {
      timeout: 4000,
    });

    $<HTMLButtonElement>(el, 'form [part="submit-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.state, 'no review without its screen').to.equal('form');
    expect($(el, '[part="review"]')).to.equal(null);

    setTimeout(() => downloads.arrive(), 50);
    await el.updateComplete; // covers the wait for the screens
    expect(el.state).to.equal('review');
    expect(text($(el, '#review-title'))).to.not.equal('');
    await waitUntil(() => deepActiveElement() === $(el, '#review-title'), 'the review title has the focus');
    expect(downloads.count, 'the submit waited for the preload: one download').to.equal(1);

    await confirm(el);
    await settled(el);
    expect(outcomeKind(el)).to.equal('approved');
  });

  it("a submit downloads them if the preload didn't, and Quebec's choice comes with them", async () => {
    // The page's preload ran in the test before: this download is the submit's.
    const approved = await seedApply('200 - Success - QC applicant');
    const { el } = await mount({ onApply: () => approved });
    await fillValid(el, QUEBEC);
    $<HTMLButtonElement>(el, 'form [part="submit-button"]')!.click();
    await waitUntil(() => downloads.count === 1, 'the submit downloads the screens');
    expect(el.state).to.equal('form');
    setTimeout(() => downloads.arrive(), 50);
    await el.updateComplete;
    expect(el.state).to.equal('review');
    await confirm(el);
    await settled(el);
    expect(outcomeKind(el)).to.equal('quebec');
    expect($(el, '[part="keep-account-button"]')).to.exist;
    expect($(el, '[part="cancel-account-button"]')).to.exist;
  });
});

describe('<flexiti-apply> screens that fail to download (a CDN hiccup)', () => {
  const failing = watchDownloads(applyScreens, download, { offline: true });

  it('keeps the form with the network error, and a submit tries again and shows the review', async () => {
    const approved = await seedApply('200 - Success - ROC applicant');
    const { el, events } = await mount({ onApply: () => approved });
    await fillValid(el);

    await submitForm(el);
    expect(el.state).to.equal('form');
    expect($(el, '[part="review"]')).to.equal(null);
    expect($(el, '#download-error')!.dataset.code).to.equal('network_error');
    // The network error's own text (or its type's general one while the error texts load): the same as a request's.
    expect(text($(el, '#download-error'))).to.match(/^We couldn't connect\./);
    expect(deepActiveElement()).to.equal($(el, '#download-error'));
    expect(events.filter((event) => event.type === 'flexiti-error').map((event) => event.detail)).to.deep.include({
      type: 'network',
      code: 'network_error',
      source: 'flexiti-apply',
    });
    expect([control(el, 'first_name').value, control(el, 'email').value], 'nothing typed was lost').to.deep.equal([
      VALID.first_name,
      VALID.email,
    ]);
    expect($<HTMLButtonElement>(el, 'form [part="submit-button"]')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();

    failing.offline = false;
    await submitForm(el);
    expect(el.state).to.equal('review');
    expect($(el, '#download-error')).to.equal(null);
    expect(text($(el, '#review-title'))).to.not.equal('');
    await confirm(el);
    await settled(el);
    expect(outcomeKind(el)).to.equal('approved');
  });
});
