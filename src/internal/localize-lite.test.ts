// The small @lit/localize runtime that <flexiti-promo>'s own file is built with (vite.promo.config.ts): what the
// promo relies on behaves as @lit/localize's runtime does. The built file's French is tested in test/cdn/promo.test.ts.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { configureLocalization, LOCALE_STATUS_EVENT, msg, str, updateWhenLocaleChanges } from './localize-lite.js';

const french = {
  greeting: 'Bonjour',
  order: str`${1} puis ${0}`,
  payment: str`ou ${0}/mois pendant ${1} mois`,
};

/** A loader the test settles when it chooses, counting its calls. */
function loader() {
  const pending: { resolve: (module: { templates: typeof french }) => void; reject: (error: Error) => void }[] = [];
  const load = () =>
    new Promise<{ templates: typeof french }>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { load, pending };
}

const configure = (load: () => Promise<{ templates: typeof french }>) =>
  configureLocalization({ sourceLocale: 'en-CA', targetLocales: ['fr-CA'], loadLocale: load });

describe('localize-lite', () => {
  afterEach(async () => {
    // Back to the source locale's texts for the next test (the active messages belong to the module).
    const localization = configure(() => Promise.resolve({ templates: french }));
    await localization.setLocale('fr-CA');
    await localization.setLocale('en-CA');
  });

  it('gives the source text, with its values, until a locale is loaded', () => {
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hello');
    const amount = '$2.50';
    expect(msg(str`or ${amount}/month for ${40} months`, { id: 'payment' })).to.equal('or $2.50/month for 40 months');
  });

  it("gives the loaded locale's text, its values in the translation's order, and the source text for a missing id", async () => {
    const { load, pending } = loader();
    const localization = configure(load);
    const ready = localization.setLocale('fr-CA');
    expect(localization.getLocale()).to.equal('en-CA');
    pending[0]!.resolve({ templates: french });
    await ready;
    expect(localization.getLocale()).to.equal('fr-CA');
    expect(msg('Hello', { id: 'greeting' })).to.equal('Bonjour');
    expect(msg(str`${'first'} then ${'second'}`, { id: 'order' })).to.equal('second puis first');
    expect(msg(str`or ${'2,50 $'}/month for ${40} months`, { id: 'payment' })).to.equal(
      'ou 2,50 $/mois pendant 40 mois',
    );
    expect(msg('Not translated', { id: 'missing' })).to.equal('Not translated');
  });

  it('loads a locale once while it is loading: the same promise for the same locale', async () => {
    const { load, pending } = loader();
    const localization = configure(load);
    const first = localization.setLocale('fr-CA');
    const second = localization.setLocale('fr-CA');
    expect(second).to.equal(first);
    expect(pending.length).to.equal(1);
    pending[0]!.resolve({ templates: french });
    await first;
  });

  it('lets the last call win: a locale asked for later is the one rendered, and both calls settle with it', async () => {
    const { load, pending } = loader();
    const localization = configure(load);
    const toFrench = localization.setLocale('fr-CA');
    const backToEnglish = localization.setLocale('en-CA');
    await backToEnglish;
    pending[0]!.resolve({ templates: french }); // the French arrive late: too late
    await toFrench;
    expect(localization.getLocale()).to.equal('en-CA');
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hello');
  });

  it('rejects when the messages cannot be loaded, and keeps the locale it had', async () => {
    const { load, pending } = loader();
    const localization = configure(load);
    const ready = localization.setLocale('fr-CA');
    pending[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    let failure: unknown;
    await ready.catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(localization.getLocale()).to.equal('en-CA');
    expect(msg('Hello', { id: 'greeting' })).to.equal('Hello');
  });

  it('tells the page when a locale is ready, and updates a connected host then (not a disconnected one)', async () => {
    const controllers: ReactiveController[] = [];
    let updates = 0;
    const host = {
      addController: (controller: ReactiveController) => controllers.push(controller),
      removeController: () => {},
      requestUpdate: () => void updates++,
      updateComplete: Promise.resolve(true),
    } as ReactiveControllerHost;
    updateWhenLocaleChanges(host);
    expect(controllers.length).to.equal(1);
    const events: unknown[] = [];
    const listener = (event: Event) => events.push((event as CustomEvent).detail);
    window.addEventListener(LOCALE_STATUS_EVENT, listener);
    try {
      controllers[0]!.hostConnected!();
      const { load, pending } = loader();
      const localization = configure(load);
      const ready = localization.setLocale('fr-CA');
      pending[0]!.resolve({ templates: french });
      await ready;
      expect(events).to.deep.equal([{ status: 'ready', readyLocale: 'fr-CA' }]);
      expect(updates).to.equal(1);
      controllers[0]!.hostDisconnected!();
      await localization.setLocale('en-CA');
      expect(updates).to.equal(1);
    } finally {
      window.removeEventListener(LOCALE_STATUS_EVENT, listener);
    }
  });
});
