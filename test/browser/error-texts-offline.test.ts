/**
 * The API error texts load on demand (src/internal/error-texts.ts); here their download fails, as when the page went
 * offline after it loaded. An element never leaves an error blank: it says it in general words, and a later request
 * tries the download again. A page of its own: the texts must not have loaded before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/flexiti-plan-picker.js';
import { FlexitiElement } from '../../src/internal/flexiti-element.js';
import { errorText, setErrorKitImport, type ErrorKit } from '../../src/internal/error-texts.js';
import { HostRequestController } from '../../src/internal/host-request.js';
import { generalText } from '../../src/internal/message-texts-errors.js';
import { FlexitiTermsRequestEvent } from '../../src/events/requests.js';
import type { FlexitiApiError } from '../../src/model/index.js';
import type { FlexitiPlanPicker } from '../../src/components/plan-picker/plan-picker.js';
import { text } from './dom.js';

class RequestHost extends FlexitiElement {
  readonly requests = new HostRequestController(this);
}
RequestHost.define('flexiti-offline-host');

const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const online = () => import('../../src/internal/error-kit.js') as Promise<ErrorKit>;
const general = (key: string) => generalText(key)({}, 'online');

async function askHost(el: RequestHost): Promise<FlexitiApiError | undefined> {
  el.addEventListener(
    'flexiti-terms-request',
    (event) => event.detail.respondWith(Response.json({ error: 'invalid_role' }, { status: 403 })),
    { once: true },
  );
  const outcome = await el.requests.send(new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
  return outcome.ok ? undefined : outcome.error;
}

describe('the API error texts cannot be downloaded', () => {
  afterEach(() => setErrorKitImport(online));

  it("the plan picker says a host's error in general words, never leaves it blank", async () => {
    setErrorKitImport(offline);
    const el = await fixture<FlexitiPlanPicker>(
      html`<flexiti-plan-picker .offers=${[]} .error=${'not_enough_credit'}></flexiti-plan-picker>`,
    );
    expect(text(el.shadowRoot!.querySelector('#error'))).to.equal(general('error.server'));
  });

  it('an answer that is an error: a network error in general words; the next request reads it in its own', async () => {
    setErrorKitImport(offline);
    const el = await fixture<RequestHost>(html`<flexiti-offline-host></flexiti-offline-host>`);
    const unread = await askHost(el);
    expect([unread?.code, unread?.type]).to.deep.equal(['network_error', 'network']);
    expect(errorText(unread!)).to.equal(general('error.network'));
    setErrorKitImport(online);
    const read = await askHost(el);
    expect([read?.code, read?.status]).to.deep.equal(['invalid_role', 403]);
    expect(errorText(read!)).to.contain("This store's Flexiti account isn't set up for this service.");
  });
});
