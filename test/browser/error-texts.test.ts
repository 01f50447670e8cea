/**
 * The API error texts load on demand (src/internal/error-texts.ts). This file runs in a page of its own, so its
 * first test sees an element render an error before they have loaded. Its order matters: keep that test first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { FlexitiElement } from '../../src/internal/flexiti-element.js';
import { errorText } from '../../src/internal/error-texts.js';
import { HostRequestController } from '../../src/internal/host-request.js';
import { errorText as loadedErrorText } from '../../src/internal/message-text-errors.js';
import { generalText } from '../../src/internal/message-texts-errors.js';
import { FlexitiTermsRequestEvent } from '../../src/events/requests.js';
import { localError, type FlexitiApiError } from '../../src/model/index.js';

class ErrorHost extends FlexitiElement {
  @property({ attribute: false }) error?: FlexitiApiError;
  readonly requests = new HostRequestController(this);
  /** The text of each render, in order. */
  readonly shown: string[] = [];
  override render() {
    return html`<p>${this.error ? errorText(this.error) : ''}</p>`;
  }
  override updated() {
    this.shown.push(this.renderRoot.querySelector('p')!.textContent!);
  }
}
ErrorHost.define('flexiti-error-host');

const noHandler = localError('no_handler');

describe('the API error texts, on demand', () => {
  it("an error shown before they load says its type's general text, then its own; updateComplete waits", async () => {
    const el = await fixture<ErrorHost>(html`<flexiti-error-host .error=${noHandler}></flexiti-error-host>`);
    const general = generalText('error.implementation')({}, 'online');
    const own = loadedErrorText(noHandler);
    expect(own).to.not.equal(general);
    expect(el.shown[0]).to.equal(general);
    expect(el.shown.at(-1)).to.equal(own);
    expect(el.renderRoot.querySelector('p')!.textContent).to.equal(own);
  });

  it('once they are here, an error is shown with its own text in its first render', async () => {
    const el = await fixture<ErrorHost>(html`<flexiti-error-host .error=${noHandler}></flexiti-error-host>`);
    expect(el.shown).to.deep.equal([loadedErrorText(noHandler)]);
  });

  it('an error answer is read with the catalogue: its own code, type and text', async () => {
    const el = await fixture<ErrorHost>(html`<flexiti-error-host></flexiti-error-host>`);
    el.addEventListener(
      'flexiti-terms-request',
      (event) => event.detail.respondWith(Response.json({ error: 'invalid_role' }, { status: 403 })),
      { once: true },
    );
    const outcome = await el.requests.send(new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
    expect(outcome.ok).to.equal(false);
    const error = (outcome as { error: FlexitiApiError }).error;
    expect([error.code, error.type, error.status]).to.deep.equal(['invalid_role', 'implementation', 403]);
    expect(errorText(error)).to.equal(loadedErrorText(error));
    expect(errorText(error)).to.contain("This store's Flexiti account isn't set up for this service.");
  });
});
