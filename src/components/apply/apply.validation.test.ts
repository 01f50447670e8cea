import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { todayLocal } from '../../model/index.js';
import type { FlexitiApply } from './apply.js';
import {
  $,
  agree,
  confirm,
  control,
  deepActiveElement,
  errorOf,
  fillValid,
  messageOf,
  mount,
  root,
  seedApply,
  setField,
  settled,
  submitForm,
  text,
} from '../../../test/browser/apply-harness.js';

/** Fills a valid application with `overrides`, submits it and returns the review's value for `name`. */
async function reviewed(el: FlexitiApply, name: string, overrides: Record<string, string>): Promise<string> {
  await fillValid(el, overrides);
  await submitForm(el);
  const row = $(el, `[data-review="${name}"]`);
  if (!row) throw new Error(`not on the review step: ${text($(el, '#summary-title'))}`);
  return text(row);
}

/** The body the host receives for a valid application with `overrides`. */
async function sentWith(
  overrides: Record<string, string>,
  options: { strictPhone?: boolean } = {},
): Promise<Record<string, unknown>> {
  const approved = await seedApply('200 - Success - ROC applicant');
  let sent: Record<string, unknown> | undefined;
  const { el } = await mount({ ...options, onApply: (request) => ((sent = request), approved) });
  await fillValid(el, overrides);
  await submitForm(el);
  if (!$(el, '[data-confirm]')) throw new Error(`not on the review step: ${text($(el, '#summary-title'))}`);
  await confirm(el);
  await settled(el);
  return sent!;
}

/** Sets one field (typed, then left) and returns its error. */
async function errorFor(
  name: string,
  value: string,
  options: { province?: string; strictPhone?: boolean } = {},
): Promise<string> {
  const { el } = await mount({ strictPhone: options.strictPhone });
  if (options.province) await setField(el, 'province', options.province);
  await setField(el, name, value);
  return errorOf(el, name);
}

/** `YYYY-MM-DD` for the date `years` years before today (local calendar). */
function yearsAgo(years: number): string {
  const [y, m, d] = todayLocal().split('-');
  return `${Number(y) - years}-${m}-${d}`;
}

describe('<flexiti-apply> validation', () => {
  describe('when errors show', () => {
    it('shows nothing while typing, then the error once the field is left', async () => {
      const { el } = await mount();
      const input = control(el, 'postal_code');
      input.value = 'W1A';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(errorOf(el, 'postal_code')).to.equal('');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(errorOf(el, 'postal_code')).to.equal('Enter a Canadian postal code, for example K1A 0B1.');
    });

    it('ties the error to its field in the same shadow root (aria-invalid, aria-describedby)', async () => {
      const { el } = await mount();
      await setField(el, 'postal_code', 'W1A 1A1');
      const input = control(el, 'postal_code');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const ids = input.getAttribute('aria-describedby')!.split(' ');
      expect(ids).to.deep.equal(['postal_code-hint', 'postal_code-message']);
      const message = root(el).getElementById('postal_code-message')!;
      expect(message.getRootNode()).to.equal(root(el));
      expect(text(message)).to.equal('Error: Enter a Canadian postal code, for example K1A 0B1.');
      expect(el.matches(':state(user-invalid)')).to.equal(true);
    });

    it('on a failed submit shows a summary linking every error and moves focus to the first invalid field', async () => {
      const { el, requests } = await mount();
      await setField(el, 'salutation', 'mr');
      await setField(el, 'first_name', 'Zoë');
      await submitForm(el);
      expect(deepActiveElement()).to.equal(control(el, 'amount_requested'));
      const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];
      const invalid = root(el).querySelectorAll('[aria-invalid="true"]');
      expect(links.length).to.equal(invalid.length + 1); // + the terms, whose checkbox is inside <flexiti-terms>
      expect(text($(el, '#summary-title'))).to.equal(`There are ${links.length} problems to fix`);
      expect(text(links[0])).to.equal('Amount of credit you are asking for: This field is required.');
      links.find((link) => link.hash === '#city')!.click();
      expect(deepActiveElement()).to.equal(control(el, 'city'));
      expect(requests('flexiti-apply-request')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the terms error on <flexiti-terms> after a submit attempt', async () => {
      const { el } = await mount({ province: 'ON' });
      await submitForm(el);
      const terms = $(el, 'flexiti-terms')!;
      expect(text(terms.shadowRoot!.querySelector('#agreement-message'))).to.contain(
        'To apply, you must agree to the terms and conditions.',
      );
    });
  });

  describe('docs/reliability.md §5', () => {
    it("#16 accepts Zoë, O'Brien, O’Brien, Jean-François and Nguyễn, and sends Nguyễn NFC-normalized", async () => {
      const { el } = await mount();
      for (const name of ['Zoë', "O'Brien", 'O’Brien', 'Jean-François', 'Nguyễn']) {
        await setField(el, 'last_name', name);
        expect(errorOf(el, 'last_name'), name).to.equal('');
      }
      const decomposed = 'Nguyễn'.normalize('NFD');
      expect(decomposed.length).to.equal(8);
      const sent = await sentWith({ last_name: decomposed });
      expect(sent.last_name).to.equal('Nguyễn'.normalize('NFC'));
      expect((sent.last_name as string).length).to.equal(6);
    });

    it('#17 rejects a name with an emoji or a right-to-left override, stating the allowed characters', async () => {
      const expected = "Use letters only, with spaces, hyphens (-), apostrophes (') or periods (.) if needed.";
      expect(await errorFor('first_name', 'Zoë 😀')).to.equal(expected);
      expect(await errorFor('first_name', 'Zo\u202Eë')).to.equal(expected);
    });

    it('#18 trims a padded name and treats a whitespace-only name as missing', async () => {
      expect(await errorFor('first_name', '   ')).to.equal('This field is required.');
      const sent = await sentWith({ first_name: '  Zoë  ' });
      expect(sent.first_name).to.equal('Zoë');
    });

    it('#19 limits first name to 80 and last name to 130 characters, without freezing on a 10 kB paste', async () => {
      const { el } = await mount({ prefill: { first_name: 'A'.repeat(81), last_name: 'B'.repeat(131) } });
      expect(control(el, 'first_name').maxLength).to.equal(80);
      expect(control(el, 'last_name').maxLength).to.equal(130);
      expect(errorOf(el, 'first_name')).to.equal('Use 80 characters or fewer.');
      expect(errorOf(el, 'last_name')).to.equal('Use 130 characters or fewer.');
      const input = control(el, 'middle_name');
      input.focus();
      const started = performance.now();
      document.execCommand('insertText', false, 'x'.repeat(10_000));
      await el.updateComplete;
      expect(input.value).to.have.length(80);
      expect(performance.now() - started).to.be.below(2000);
    });

    it('#20 reads 046 454 286, 046-454-286 and 046454286 as one number and applies the first-digit rule', async () => {
      const expected = "This SIN isn't valid: no SIN starts with 0 or 8. Check the number, or leave it blank.";
      for (const sin of ['046 454 286', '046-454-286', '046454286'])
        expect(await errorFor('sin', sin), sin).to.equal(expected);
      const sent = await sentWith({ sin: '130-692-544' });
      expect(sent.sin).to.equal('130692544');
    });

    it("#21 rejects 046 454 287 and the seed's 123123123 with the checksum message", async () => {
      const expected = "This SIN isn't valid. Check the 9 digits.";
      expect(await errorFor('sin', '046 454 287')).to.equal(expected);
      expect(await errorFor('sin', '123123123')).to.equal(expected);
    });

    it('#22 rejects 000000000, 8 or 10 digits and letters', async () => {
      expect(await errorFor('sin', '000000000')).to.equal(
        "This SIN isn't valid: no SIN starts with 0 or 8. Check the number, or leave it blank.",
      );
      for (const sin of ['13069254', '1306925440', '13O 692 544']) {
        expect(await errorFor('sin', sin), sin).to.equal('Enter the 9 digits of your SIN, or leave it blank.');
      }
    });

    it('#23 allows a blank SIN and leaves the key out of the request', async () => {
      const sent = await sentWith({ sin: '' });
      expect(sent).not.to.have.property('sin');
    });

    it("#24 accepts a temporary resident's SIN 918 640 897", async () => {
      const sent = await sentWith({ sin: '918 640 897' });
      expect(sent.sin).to.equal('918640897');
    });

    it('#25 normalizes " k1a-0b1 " and "K1A0B1" to K1A 0B1', async () => {
      expect((await sentWith({ postal_code: ' k1a-0b1 ' })).postal_code).to.equal('K1A 0B1');
      expect((await sentWith({ postal_code: 'K1A0B1' })).postal_code).to.equal('K1A 0B1');
    });

    it('#26 rejects W1A 1A1, D1A 1A1 and K1O 1A1 with the format message', async () => {
      for (const postal of ['W1A 1A1', 'D1A 1A1', 'K1O 1A1']) {
        expect(await errorFor('postal_code', postal), postal).to.equal(
          'Enter a Canadian postal code, for example K1A 0B1.',
        );
      }
    });

    it("#27 puts the seed's A1A 0H1 with province QC in error on the postal code", async () => {
      const { el } = await mount();
      await setField(el, 'province', 'QC');
      await setField(el, 'postal_code', 'A1A 0H1');
      expect(errorOf(el, 'postal_code')).to.equal("This postal code doesn't match the province you chose. Check both.");
      expect(errorOf(el, 'province')).to.equal('');
    });

    it('#28 a pasted (555) 123-1231 is an error (not a NANP number), strict or not: no review, nothing sent', async () => {
      const expected = "This phone number isn't valid. Check the area code and the next 3 digits.";
      expect(await errorFor('phone_number', '(555) 123-1231', { strictPhone: true })).to.equal(expected);
      const { el, requests } = await mount();
      await setField(el, 'phone_number', '(555) 123-1231');
      expect(errorOf(el, 'phone_number')).to.equal(expected);
      expect(control(el, 'phone_number').getAttribute('aria-invalid')).to.equal('true');
      await fillValid(el, { phone_number: '(555) 123-1231' });
      await submitForm(el);
      expect($(el, '[data-confirm]'), 'not on the review step').to.equal(null);
      expect(requests('flexiti-apply-request')).to.have.length(0);
    });

    it('#28b a valid NANP number outside Canada (212 555 0123) is a warning only, and is sent', async () => {
      const { el } = await mount();
      await setField(el, 'phone_number', '212 555 0123');
      expect(errorOf(el, 'phone_number')).to.equal('');
      expect(messageOf(el, 'phone_number')).to.match(/Canad/);
      expect(control(el, 'phone_number').getAttribute('aria-invalid')).to.equal('false');
      expect((await sentWith({ phone_number: '212 555 0123' })).phone_number).to.equal('2125550123');
    });

    it('#28c a date of birth typed 19880412, 1988/04/12 or 1988-4-12 is accepted and shown as 1988-04-12', async () => {
      for (const typed of ['19880412', '1988/04/12', '1988-4-12', ' 1988.04.12 ']) {
        const { el } = await mount();
        await setField(el, 'dob', typed);
        expect(errorOf(el, 'dob'), typed).to.equal('');
        expect(control(el, 'dob').value, typed).to.equal('1988-04-12');
      }
      expect((await sentWith({ dob: '19880412' })).dob).to.equal('1988-04-12');
    });

    it('#28d date fields bring up the numeric keypad; a date that does not exist is still refused', async () => {
      const { el } = await mount();
      expect(control(el, 'dob').getAttribute('inputmode')).to.equal('numeric');
      expect(control(el, 'govid_expiry').getAttribute('inputmode')).to.equal('numeric');
      await setField(el, 'dob', '19880231');
      expect(errorOf(el, 'dob')).to.not.equal('');
      expect(control(el, 'dob').value).to.equal('19880231');
      await setField(el, 'dob', '88-04-12');
      expect(errorOf(el, 'dob')).to.contain('YYYYMMDD');
    });

    it('#29 reads +1 416 555 0199 and 1-416-555-0199 as 4165550199', async () => {
      expect((await sentWith({ phone_number: '+1 416 555 0199' })).phone_number).to.equal('4165550199');
      expect((await sentWith({ phone_number: '1-416-555-0199' })).phone_number).to.equal('4165550199');
    });

    it('#30 rejects 911 555 1234, 416 911 1234 and an employer phone 1231231231 in strict mode', async () => {
      const expected = "This phone number isn't valid. Check the area code and the next 3 digits.";
      expect(await errorFor('phone_number', '911 555 1234', { strictPhone: true })).to.equal(expected);
      expect(await errorFor('phone_number', '416 911 1234', { strictPhone: true })).to.equal(expected);
      expect(await errorFor('employer_phone', '1231231231', { strictPhone: true })).to.equal(expected);
    });

    it('#31 rejects a date of birth in the future', async () => {
      expect(await errorFor('dob', yearsAgo(-1))).to.equal("Your date of birth can't be in the future.");
    });

    it('#32 an applicant turning 18 today is underage in BC (19) and accepted in ON', async () => {
      expect(await errorFor('dob', yearsAgo(18), { province: 'BC' })).to.equal(
        'You must be at least 19 years old to apply in your province.',
      );
      expect(await errorFor('dob', yearsAgo(18), { province: 'ON' })).to.equal('');
    });

    it('#33 rejects 2023-02-30 and 1990-13-01 as impossible dates and 03/02/1990 as the wrong format, never rolling over', async () => {
      expect(await errorFor('dob', '2023-02-30')).to.equal("This date doesn't exist. Check the month and day.");
      expect(await errorFor('dob', '1990-13-01')).to.equal("This date doesn't exist. Check the month and day.");
      expect(await errorFor('dob', '03/02/1990')).to.equal(
        'Enter the date year first, as YYYY-MM-DD or YYYYMMDD, for example 1990-05-31.',
      );
    });

    it('#34 accepts a 29 February 2004 birthday and sends it unchanged (no UTC off-by-one)', async () => {
      expect((await sentWith({ dob: '2004-02-29' })).dob).to.equal('2004-02-29');
    });

    it("#35 rejects an ID that expired (the seed's 2020-12-12) and accepts one expiring today", async () => {
      expect(await errorFor('govid_expiry', '2020-12-12')).to.equal(
        'This ID has expired. Use an ID that is still valid.',
      );
      const sent = await sentWith({
        govid_type: 'CAP',
        govid_issuedby: 'CANADA',
        govid_number: 'AB121212',
        govid_expiry: todayLocal(),
      });
      expect(sent).to.deep.include({
        govid_type: 'CAP',
        govid_issuedby: 'CANADA',
        govid_number: 'AB121212',
        govid_expiry: todayLocal(),
      });
    });

    it('#36 rejects incomes -5, abc, 1e6 and 0x10', async () => {
      expect(await errorFor('personal_income', '-5')).to.equal("The amount can't be negative.");
      for (const income of ['abc', '1e6', '0x10']) {
        expect(await errorFor('personal_income', income), income).to.equal(
          'Enter an amount in dollars, for example 1,234.56.',
        );
      }
    });

    it('#37 treats an empty or spaces-only income as missing, not 0', async () => {
      expect(await errorFor('personal_income', '')).to.equal('This field is required.');
      expect(await errorFor('personal_income', '   ')).to.equal('This field is required.');
    });

    it('#38 reads 1,234.56, 1 234,56 (U+00A0 and U+202F) and 1 234,56 $ as 1234.56', async () => {
      for (const income of ['1,234.56', '1\u00A0234,56', '1\u202F234,56', '1\u00A0234,56 $']) {
        const { el } = await mount();
        expect(
          await reviewed(el, 'personal_income', { personal_income: income, household_income: '2000' }),
          income,
        ).to.equal('$1,234.56');
      }
    });

    it('#39 rejects a household income below the personal income', async () => {
      const { el } = await mount();
      await setField(el, 'personal_income', '60000');
      await setField(el, 'household_income', '50000');
      expect(errorOf(el, 'household_income')).to.equal(
        'Household income includes your own income, so it must be at least your personal income.',
      );
    });

    it('#40 requires housing costs from a Quebec applicant, and does not ask an Ontario one', async () => {
      const { el } = await mount();
      await fillValid(el, { province: 'QC', city: 'Montréal', postal_code: 'H2X 1Y4' });
      await submitForm(el);
      expect(errorOf(el, 'monthly_housing_expenses')).to.equal('This field is required.');
      expect(deepActiveElement()).to.equal(control(el, 'monthly_housing_expenses'));
      await setField(el, 'province', 'ON');
      await setField(el, 'postal_code', 'M5V 2T6');
      await agree(el); // Ontario's terms are not Quebec's: the customer agrees to the ones now shown
      await submitForm(el);
      expect($(el, '#review-title')).to.exist;
    });

    it('#41 lets the security answer and PIW be pasted', async () => {
      const { el } = await mount();
      for (const [name, value] of [
        ['security_answer', 'Horse'],
        ['piw', 'Cloud'],
      ]) {
        const input = control(el, name!);
        input.focus();
        const data = new DataTransfer();
        data.setData('text/plain', value!);
        const paste = new ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
          composed: true,
        });
        input.dispatchEvent(paste);
        expect(paste.defaultPrevented, name).to.equal(false);
        document.execCommand('insertText', false, value!);
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
        expect(input.value).to.equal(value);
      }
      // Pasted secrets reach the review, masked there.
      expect(await reviewed(el, 'piw', { security_answer: 'Horse', piw: 'Cloud' })).to.equal('••••••Hidden');
    });

    it('#43 a double click or a double Enter on submit sends exactly one request', async () => {
      const approved = await seedApply('200 - Success - ROC applicant');
      let answer!: (value: unknown) => void;
      const { el, requests } = await mount({ onApply: () => new Promise((resolve) => (answer = resolve)) });
      await fillValid(el);
      // Double Enter on the form's submit button, then a double click on Confirm.
      $<HTMLButtonElement>(el, 'form [part="submit-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const button = $<HTMLButtonElement>(el, '[data-confirm]')!;
      // Two clicks before the element re-renders (faster than any repaint can disable the button).
      button.click();
      button.click();
      const box = button.getBoundingClientRect();
      const position: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
      await sendMouse({ type: 'click', position });
      await sendKeys({ press: 'Enter' });
      expect(requests('flexiti-apply-request')).to.have.length(1);
      answer(approved);
      await settled(el);
      expect(requests('flexiti-apply-request')).to.have.length(1);
      expect(requests('flexiti-result')).to.have.length(1);
    });
  });
});
