// What `<flexiti-promo endpoint>` asks the merchant's handler, over real HTTP: GET `${endpoint}/form-values?lang=…`
// (no checkout, no cookie needed) answers `offer_types` that the promo's reader and headline understand, in both
// languages, with the same plan kinds. Handler → client → sandbox, each served on 127.0.0.1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promoHeadline, readOfferPlans } from '../../src/model/plans.js';
import { openForSuite } from './server/helpers.js';
import { startStack } from './server/stack.js';

describe('<flexiti-promo> against the handler and the sandbox', () => {
  const stack = openForSuite(() => startStack());

  /** The promo's request: a plain GET asking for JSON. */
  const offers = async (lang: 'en' | 'fr') => {
    const response = await fetch(`${stack.api}/form-values?lang=${lang}`, { headers: { accept: 'application/json' } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { offer_types: unknown }).offer_types;
  };

  it('answers offer_types the promo reads without rejecting any, and the line for 1,299.99 is 40 × 32.50', async () => {
    const { plans, rejected } = readOfferPlans(await offers('en'));
    assert.equal(rejected, 0);
    assert.equal(plans.length, 7);
    const headline = promoHeadline(plans, 1299.99);
    assert.equal(headline?.kind, 'no_interest');
    if (headline?.kind !== 'no_interest') return;
    assert.deepEqual(
      [headline.plan.id, headline.estimate.count, headline.estimate.payment, headline.estimate.finalPayment],
      ['5', 40, 32.5, 32.49],
    );
  });

  it('answers French plan names whose kinds are the English ones', async () => {
    const english = readOfferPlans(await offers('en')).plans;
    const french = readOfferPlans(await offers('fr')).plans;
    assert.notDeepEqual(
      french.map((plan) => plan.name),
      english.map((plan) => plan.name),
    );
    assert.deepEqual(
      french.map((plan) => [plan.id, plan.kind]),
      english.map((plan) => [plan.id, plan.kind]),
    );
  });
});
