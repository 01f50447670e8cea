// The demo's theming page (demo/theming.html): two merchant brands on the same elements. Both must pass axe in
// light and dark; Lumen Audio follows the colour scheme, Boulangerie Côté stays light.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { FlexitiTerms } from '../../src/components/terms/terms.js';

let stores: HTMLElement;

before(async () => {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = '/demo/theming.css';
  const loaded = new Promise((resolve) => sheet.addEventListener('load', resolve));
  document.head.append(sheet);
  await loaded;
  stores = document.createElement('main');
  stores.id = 'stores';
  document.body.append(stores);
  await import('../../demo/theming.js');
  await waitUntil(
    () => [...stores.querySelectorAll<FlexitiTerms>('flexiti-terms')].every((terms) => terms.status === 'shown'),
    'the terms of both stores were not shown',
  );
});

after(async () => {
  await emulateMedia({ colorScheme: 'light' });
});

// The page shows each element twice (one per store), so their landmarks share names: a demo artefact, not
// something a checkout with one of each does.
const axeOptions = { ignoredRules: ['landmark-unique'] };

const surface = (selector: string) => getComputedStyle(stores.querySelector(selector)!).backgroundColor;

describe('the theming page', () => {
  it('renders both stores with their own tokens', () => {
    expect(stores.querySelectorAll('.store').length).to.equal(2);
    expect(surface('.lumen flexiti-plan-picker')).to.equal('rgb(255, 255, 255)');
    expect(surface('.cote flexiti-plan-picker')).to.equal('rgb(255, 250, 240)');
    expect(getComputedStyle(stores.querySelector('.cote flexiti-plan-picker')!).fontFamily).to.match(/Georgia/);
  });

  it('passes axe in light', async () => {
    await emulateMedia({ colorScheme: 'light' });
    await expect(stores).to.be.accessible(axeOptions);
  });

  it('passes axe in dark: Lumen Audio turns dark, Boulangerie Côté stays light', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface('.lumen flexiti-plan-picker')).to.equal('rgb(23, 22, 31)');
    expect(surface('.cote flexiti-plan-picker')).to.equal('rgb(255, 250, 240)');
    await expect(stores).to.be.accessible(axeOptions);
  });
});
