/**
 * The behaviour every form-associated flexiti element shares with a native control (Shoelace's
 * runFormControlBaseTests): it belongs to its form, is valid or missing as `required` says, puts its entries in
 * FormData once filled, blocks a submit while required and empty, leaves the form when a fieldset is disabled,
 * empties on `form.reset()`, and stays accessible. Run against each element with {@link runFormControlBaseTests}.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FlexitiFormElement } from '../../src/internal/form-element.js';
import { countSubmits, enabledControls } from './dom.js';

export interface FormControlHarness<T extends FlexitiFormElement> {
  /** The tag, for the suite's title. */
  tag: string;
  /** Puts the element (not yet filled) in `form`; resolves once it can be filled. */
  mount(form: HTMLFormElement, required: boolean): Promise<T>;
  /** Fills the element as a customer would (ticks, chooses…); resolves once its value is set. */
  fill(el: T): Promise<void>;
  /** The FormData keys the element adds once filled. */
  entries: string[];
}

async function inForm<T extends FlexitiFormElement>(harness: FormControlHarness<T>, required: boolean) {
  const form = await fixture<HTMLFormElement>(html`<form lang="en-CA"><button type="submit">Send</button></form>`);
  const el = await harness.mount(form, required);
  return { form, el };
}

const keys = (form: HTMLFormElement) => [...new FormData(form).keys()];

export function runFormControlBaseTests<T extends FlexitiFormElement>(harness: FormControlHarness<T>): void {
  describe(`${harness.tag}: form control base behaviour`, () => {
    it('belongs to its form and is validated by it', async () => {
      const { form, el } = await inForm(harness, false);
      expect(el.form).to.equal(form);
      expect(el.willValidate).to.equal(true);
    });

    it('when required and empty: valueMissing, a message, checkValidity false with an invalid event', async () => {
      const { form, el } = await inForm(harness, true);
      let invalid = 0;
      el.addEventListener('invalid', () => invalid++);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.not.equal('');
      expect(el.checkValidity()).to.equal(false);
      expect(invalid).to.equal(1);
      expect(form.checkValidity()).to.equal(false);
      expect(keys(form)).to.deep.equal([]);
    });

    it('once filled: valid, no message, and its entries in FormData', async () => {
      const { form, el } = await inForm(harness, true);
      await harness.fill(el);
      expect(el.validity.valid).to.equal(true);
      expect(el.validationMessage).to.equal('');
      expect(el.checkValidity()).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      expect(keys(form)).to.deep.equal(harness.entries);
    });

    it('when not required and empty: valid, and nothing in FormData', async () => {
      const { form, el } = await inForm(harness, false);
      expect(el.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      expect(keys(form)).to.deep.equal([]);
    });

    it('blocks the submit while required and empty, and lets it through once filled', async () => {
      const { form, el } = await inForm(harness, true);
      const submitted = countSubmits(form);
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted()).to.equal(0);
      await harness.fill(el);
      form.requestSubmit();
      expect(submitted()).to.equal(1);
    });

    it('leaves FormData and validation inside a disabled fieldset', async () => {
      const { form, el } = await inForm(harness, true);
      await harness.fill(el);
      const fieldset = document.createElement('fieldset');
      form.prepend(fieldset);
      fieldset.append(el);
      fieldset.disabled = true;
      await el.updateComplete;
      expect(el.willValidate).to.equal(false);
      expect(keys(form)).to.deep.equal([]);
      expect(form.checkValidity()).to.equal(true);
      fieldset.disabled = false;
      await el.updateComplete;
      expect(keys(form)).to.deep.equal(harness.entries);
    });

    it('disables every control inside with `disabled` (reflected) or a disabled fieldset, and enables them again', async () => {
      const { form, el } = await inForm(harness, false);
      await harness.fill(el);
      const enabled = () => enabledControls(el);
      expect(enabled()).to.not.deep.equal([]);
      el.disabled = true;
      await waitUntil(() => enabled().length === 0, '`disabled` left a control enabled');
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(keys(form)).to.deep.equal([]);
      el.disabled = false;
      await waitUntil(() => enabled().length > 0, 'the controls stayed disabled');
      expect(keys(form)).to.deep.equal(harness.entries);
      const fieldset = document.createElement('fieldset');
      form.prepend(fieldset);
      fieldset.append(el);
      fieldset.disabled = true;
      await waitUntil(() => enabled().length === 0, 'a disabled fieldset left a control enabled');
      fieldset.disabled = false;
      await waitUntil(() => enabled().length > 0, 'the controls stayed disabled after the fieldset');
    });

    it('empties on form.reset(), and is missing again when required', async () => {
      const { form, el } = await inForm(harness, true);
      await harness.fill(el);
      form.reset();
      await el.updateComplete;
      expect(keys(form)).to.deep.equal([]);
      expect(el.validity.valueMissing).to.equal(true);
    });

    it('is accessible, empty and filled', async () => {
      const { el } = await inForm(harness, true);
      await expect(el).to.be.accessible();
      await harness.fill(el);
      await expect(el).to.be.accessible();
    });
  });
}
