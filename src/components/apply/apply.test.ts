import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { APPLY_FIELDS } from '../../model/index.js';
import { setLocale } from '../../internal/locale.js';
import {
  $,
  VALID,
  applyWith,
  confirm,
  control,
  deepActiveElement,
  errorOf,
  fillValid,
  mount,
  outcomeKind,
  root,
  seedApply,
  seedFormValues,
  setField,
  settled,
  submitForm,
  terms,
  text,
} from '../../../test/browser/apply-harness.js';
import { enabledControls } from '../../../test/browser/dom.js';

const optionsOf = (select: HTMLSelectElement) =>
  [...select.options].slice(1).map((option) => [option.value, option.textContent!.trim()]);
const sectionTitles = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('fieldset.section > legend')].map((legend) => text(legend));

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-apply>', () => {
  it('passes accessibility tests when empty', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  describe('structure', () => {
    it('renders every section in order, each a fieldset with a legend', async () => {
      const { el } = await mount();
      expect(sectionTitles(el)).to.deep.equal([
        'Your request',
        'About you',
        'Home address',
        'Contact information',
        'Income and housing',
        'Employment',
        'Identification',
        'Security question and personal identification word',
      ]);
      // The last section is the terms element, under its own "Terms and conditions" title.
      const last = [...root(el).querySelectorAll('form > .section')].at(-1)!;
      expect(last.getAttribute('data-section')).to.equal('terms');
      expect(text(terms(el).shadowRoot!.querySelector('[part~="title"]'))).to.equal('Terms and conditions');
    });

    it('puts every applicant field in one native form in one shadow root, named after its API parameter', async () => {
      const { el } = await mount({ province: 'QC' });
      const form = $<HTMLFormElement>(el, 'form')!;
      expect(root(el).querySelectorAll('form')).to.have.length(1);
      const named = [...form.elements].map((element) => element.getAttribute('name')).filter(Boolean);
      // Every POS API parameter of /apply is a control of this one form (Quebec shows monthly_housing_expenses).
      for (const field of APPLY_FIELDS) expect(named, field.name).to.include(field.name);
      for (const element of form.querySelectorAll('input:not([type=hidden]), select')) {
        expect(element.getRootNode(), element.getAttribute('name')!).to.equal(root(el));
        expect(root(el).querySelector(`label[for="${element.id}"]`), element.id).to.exist;
      }
    });

    it('gives each field the autocomplete token, inputmode and maxlength of the decision note', async () => {
      const { el } = await mount({ province: 'QC' });
      for (const field of APPLY_FIELDS) {
        if (field.kind === 'hidden' || field.kind === 'checkbox') continue;
        const input = control(el, field.name);
        expect(input.getAttribute('autocomplete'), field.name).to.equal(field.autocomplete);
        if (field.inputMode) expect(input.getAttribute('inputmode'), field.name).to.equal(field.inputMode);
        if (field.maxLength && input.localName === 'input')
          expect(input.maxLength, field.name).to.equal(field.maxLength);
      }
      expect(control(el, 'email').type).to.equal('email');
      expect(control(el, 'phone_number').type).to.equal('tel');
      expect(control(el, 'sin').getAttribute('autocomplete')).to.equal('off');
    });

    it('marks the SIN optional and says why it is asked for', async () => {
      const { el } = await mount();
      expect(text($(el, 'label[for="sin"]'))).to.equal('Social Insurance Number (SIN) (optional)');
      expect(text($(el, '#sin-hint'))).to.contain('credit bureau');
      expect(control(el, 'sin').getAttribute('aria-describedby')).to.equal('sin-hint');
    });

    it('embeds <flexiti-terms> named tos_agreement for the chosen province; its request bubbles to the host', async () => {
      const { el, requests } = await mount();
      expect(terms(el).getAttribute('name')).to.equal('tos_agreement');
      expect(terms(el).hasAttribute('required')).to.equal(true);
      await setField(el, 'province', 'QC');
      await waitUntil(() => requests('flexiti-terms-request').length > 0);
      expect(requests('flexiti-terms-request')[0]).to.deep.equal({ province: 'QC', lang: 'fr' });
    });

    it('has a polite live region from the first render', async () => {
      const { el } = await mount({ noFormValues: true });
      const status = $(el, '[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
    });
  });

  describe('options from formValues', () => {
    it('renders salutation, province, security question and ID type in the order given', async () => {
      const formValues = await seedFormValues();
      const { el } = await mount({ formValues });
      expect(optionsOf(control(el, 'salutation'))).to.deep.equal(Object.entries(formValues.salutation.options));
      expect(optionsOf(control(el, 'province'))).to.deep.equal(Object.entries(formValues.province.options));
      expect(optionsOf(control(el, 'security_qid'))).to.deep.equal(Object.entries(formValues.security_qid.options));
      expect(optionsOf(control(el, 'govid_type'))).to.deep.equal(Object.entries(formValues.govid_type.options));
    });

    it('shows a title label once when form_values repeat it (French « Mme » for Ms and Mrs)', async () => {
      const formValues = await seedFormValues();
      formValues.salutation.options = { mr: 'M.', ms: 'Mme', mrs: 'Mme', mss: 'Mlle' };
      const { el } = await mount({ formValues, lang: 'fr-CA' });
      expect(optionsOf(control(el, 'salutation'))).to.deep.equal([
        ['mr', 'M.'],
        ['ms', 'Mme'],
        ['mss', 'Mlle'],
      ]);
    });

    it("offers exactly option_depends[govid_type] as issuers, in the seed's order", async () => {
      const formValues = await seedFormValues();
      const { el } = await mount({ formValues });
      expect(optionsOf(control(el, 'govid_issuedby'))).to.deep.equal([]);
      await setField(el, 'govid_type', 'CAHC');
      expect(optionsOf(control(el, 'govid_issuedby'))).to.deep.equal(
        Object.entries(formValues.govid_issued_by.option_depends.CAHC),
      );
      expect(optionsOf(control(el, 'govid_issuedby')).map(([code]) => code)).not.to.include('ON'); // Ontario health cards are never recorded
      await setField(el, 'govid_type', 'CAP');
      expect(optionsOf(control(el, 'govid_issuedby'))).to.deep.equal([['CANADA', 'Canada']]);
    });

    it('follows a changed copy: an added ID type and issuer appear, a removed one disappears, order kept', async () => {
      const original = await seedFormValues();
      const { el } = await mount({ formValues: original });
      await setField(el, 'first_name', 'Zoë');
      const changed = await seedFormValues();
      delete changed.govid_type.options.CAPRC;
      delete changed.govid_issued_by.option_depends.CAPRC;
      changed.govid_type.options.CAXYZ = '<b>New</b>';
      changed.govid_issued_by.option_depends.CAXYZ = { ZZ: 'Zed Land', AA: 'Aa Land' };
      changed.govid_issued_by.option_depends.CADL = { YT: 'Yukon', AB: 'Alberta', MB: 'Manitoba' };
      el.formValues = changed;
      await el.updateComplete;
      const types = optionsOf(control(el, 'govid_type'));
      expect(types.map(([code]) => code)).not.to.include('CAPRC');
      expect(types.at(-1)).to.deep.equal(['CAXYZ', '<b>New</b>']); // a label is text, never markup
      expect($(el, 'select[name="govid_type"] b')).to.equal(null);
      await setField(el, 'govid_type', 'CAXYZ');
      expect(optionsOf(control(el, 'govid_issuedby'))).to.deep.equal([
        ['ZZ', 'Zed Land'],
        ['AA', 'Aa Land'],
      ]);
      await setField(el, 'govid_type', 'CADL');
      expect(optionsOf(control(el, 'govid_issuedby')).map(([code]) => code)).to.deep.equal(['YT', 'AB', 'MB']);
      expect(control(el, 'first_name').value).to.equal('Zoë'); // setting formValues again keeps what was typed
    });

    it('clears the issuer when the new ID type does not offer it, and keeps it when it does', async () => {
      const { el } = await mount();
      await setField(el, 'govid_type', 'CADL');
      await setField(el, 'govid_issuedby', 'ON');
      await setField(el, 'govid_type', 'CALCB');
      expect(control(el, 'govid_issuedby').value).to.equal('ON');
      await setField(el, 'govid_type', 'CAP');
      expect(control(el, 'govid_issuedby').value).to.equal('');
    });

    it('marks only the issuer field as misconfigured for an ID type with no issuer list', async () => {
      const formValues = await seedFormValues();
      formValues.govid_type.options.CANEW = 'New card';
      const { el } = await mount({ formValues });
      await setField(el, 'govid_type', 'CANEW');
      expect(errorOf(el, 'govid_issuedby')).to.contain("This type of ID can't be used here");
      expect(control(el, 'govid_issuedby').getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).querySelectorAll('.error')).to.have.length(1);
      await setField(el, 'first_name', 'Zoë');
      expect(control(el, 'first_name').value).to.equal('Zoë');
      await setField(el, 'govid_type', 'CAP');
      expect(errorOf(el, 'govid_issuedby')).to.equal('');
    });

    it('uses the built-in localized occupation and housing lists when formValues has none', async () => {
      const { el } = await mount();
      expect(optionsOf(control(el, 'occupation_id'))[0]).to.deep.equal(['FE', 'Employed full time']);
      expect(optionsOf(control(el, 'housing_type')).map(([code]) => code)).to.deep.equal([
        'Rent',
        'Own',
        'Parents',
        'Other',
      ]);
    });

    it('uses occupation and housing maps carried by formValues', async () => {
      const formValues = await seedFormValues();
      formValues.occupation_id = { options: { BK: 'Baker', NU: 'Nurse' } };
      formValues.housing_type = { options: { Rent: 'Renting', Board: 'Boarding' } };
      const { el } = await mount({ formValues });
      expect(optionsOf(control(el, 'occupation_id'))).to.deep.equal([
        ['BK', 'Baker'],
        ['NU', 'Nurse'],
      ]);
      expect(optionsOf(control(el, 'housing_type'))).to.deep.equal([
        ['Rent', 'Renting'],
        ['Board', 'Boarding'],
      ]);
    });

    for (const [label, value] of [
      ['missing', undefined],
      ['null', null],
      ['not an object', 'form_values'],
      ['without province', 'no-province'],
      ['with an empty security question list', 'no-questions'],
    ] as const) {
      it(`shows a configuration message, not a crash, when formValues is ${label}`, async () => {
        const formValues = value === 'no-province' || value === 'no-questions' ? await seedFormValues() : value;
        if (value === 'no-province') delete (formValues as Record<string, unknown>).province;
        if (value === 'no-questions') (formValues as Record<string, any>).security_qid.options = {};
        const { el, events } = await mount(value === undefined ? { noFormValues: true } : { formValues });
        expect(text($(el, '[part="config-error"] h2'))).to.equal('The application form is not available');
        expect($(el, 'form')).to.equal(null);
        const errors = events.filter((event) => event.type === 'flexiti-error');
        expect(errors).to.have.length(value === undefined ? 0 : 1); // not given yet is not an error to log
        if (value !== undefined)
          expect(errors[0]!.detail).to.deep.include({ type: 'implementation', code: 'invalid_form_values' });
        await expect(el).to.be.accessible();
      });
    }

    it('shows the form, with what was typed, once usable formValues arrive', async () => {
      const { el } = await mount({ formValues: null, prefill: { first_name: 'Zoë' } });
      el.formValues = await seedFormValues();
      await el.updateComplete;
      expect(control(el, 'first_name').value).to.equal('Zoë');
    });
  });

  describe('properties', () => {
    it('uses amount as the default of amount_requested until the customer changes it', async () => {
      const { el } = await mount({ amount: 1250.5 });
      expect(control(el, 'amount_requested').value).to.equal('1250.5');
      el.amount = 900;
      await el.updateComplete;
      expect(control(el, 'amount_requested').value).to.equal('900');
      await setField(el, 'amount_requested', '2000');
      el.amount = 300;
      await el.updateComplete;
      expect(control(el, 'amount_requested').value).to.equal('2000');
    });

    it('uses province as the default province', async () => {
      const { el } = await mount({ province: 'qc' });
      expect(control(el, 'province').value).to.equal('QC');
      expect(terms(el).province).to.equal('QC');
    });

    it('prefills from a partial request, shows prefilled errors at once, and never overwrites what was typed', async () => {
      const { el } = await mount({
        prefill: { first_name: 'Jean-François', postal_code: 'W1A 1A1', personal_income: 50000, tos_agreement: true },
      });
      expect(control(el, 'first_name').value).to.equal('Jean-François');
      expect(control(el, 'personal_income').value).to.equal('50000');
      expect(errorOf(el, 'postal_code')).to.equal('Enter a Canadian postal code, for example K1A 0B1.');
      expect(terms(el).checked).to.equal(false); // consent is never prefilled
      await setField(el, 'first_name', 'Zoë');
      el.prefill = { first_name: 'Someone Else', last_name: 'Tremblay' };
      await el.updateComplete;
      expect(control(el, 'first_name').value).to.equal('Zoë');
      expect(control(el, 'last_name').value).to.equal('Tremblay');
    });
  });

  describe('Quebec', () => {
    it('shows monthly_housing_expenses only for QC and sends it only then', async () => {
      let sent: Record<string, unknown> | undefined;
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el } = await mount({ onApply: (request) => ((sent = request), approved) });
      expect(control(el, 'monthly_housing_expenses')).to.equal(null);
      await setField(el, 'province', 'QC');
      expect(text($(el, 'label[for="monthly_housing_expenses"]'))).to.equal('Monthly housing costs');
      expect(control(el, 'monthly_housing_expenses').required).to.equal(true);
      await setField(el, 'monthly_housing_expenses', '1 250,50');
      await setField(el, 'province', 'ON');
      expect(control(el, 'monthly_housing_expenses')).to.equal(null);
      await applyWith(el, { province: 'ON' });
      expect(sent).not.to.have.property('monthly_housing_expenses');
    });

    it('requires monthly_housing_expenses for QC and sends it as a number', async () => {
      let sent: Record<string, unknown> | undefined;
      const approved = await seedApply('200 - Success - QC applicant');
      const { el } = await mount({ onApply: (request) => ((sent = request), approved) });
      await fillValid(el, { province: 'QC', city: 'Montréal', postal_code: 'H2X 1Y4', phone_number: '514 555 0199' });
      await submitForm(el);
      expect(errorOf(el, 'monthly_housing_expenses')).to.equal('This field is required.');
      await setField(el, 'monthly_housing_expenses', '1 250,50');
      await submitForm(el);
      await confirm(el);
      await settled(el);
      expect(sent!.monthly_housing_expenses).to.equal(1250.5);
      expect(sent!.province).to.equal('QC');
    });
  });

  describe('review step', () => {
    it('masks the security answer and the identification word on the review (they still go to the host)', async () => {
      const approved = await seedApply('200 - Success - ROC applicant');
      let sent: Record<string, unknown> | undefined;
      const { el } = await mount({ onApply: (request) => ((sent = request), approved) });
      await fillValid(el);
      await submitForm(el);
      expect(text($(el, '[data-review="security_answer"]'))).to.equal('••••••Hidden');
      expect(text($(el, '[data-review="piw"]'))).to.equal('••••••Hidden');
      const review = root(el).querySelector('.review')!.textContent!;
      expect(review).not.to.contain('Mrs. Lee');
      expect(review).not.to.contain('Cloud');
      await expect(el).to.be.accessible();
      await confirm(el);
      await settled(el);
      expect(sent!.security_answer).to.equal('Mrs. Lee');
      expect(sent!.piw).to.equal('Cloud');
    });

    it('lists what will be sent with the SIN masked, and goes back to edit with everything kept', async () => {
      const { el, requests } = await mount();
      await fillValid(el);
      await submitForm(el);
      expect(deepActiveElement()).to.equal($(el, '#review-title'));
      expect(text($(el, '[data-review="sin"]'))).to.equal('••• ••• 544Ending in 544');
      expect(root(el).querySelector('.review')!.textContent).not.to.contain('130692544');
      expect(text($(el, '[data-review="province"]'))).to.equal('Ontario');
      expect(text($(el, '[data-review="personal_income"]'))).to.equal('$52,000.00');
      expect(text($(el, '[data-review="phone_number"]'))).to.equal('416 555 0199');
      expect(requests('flexiti-apply-request')).to.have.length(0); // nothing sent before confirming
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[data-edit]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($<HTMLFormElement>(el, 'form')!.hidden).to.equal(false);
      expect(control(el, 'sin').value).to.equal(VALID.sin);
      expect(terms(el).checked).to.equal(true);
    });
  });

  describe('busy state', () => {
    it('is aria-busy with its controls disabled while the request is in flight, and says so politely', async () => {
      let answer!: (value: unknown) => void;
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el } = await mount({ onApply: () => new Promise((resolve) => (answer = resolve)) });
      await fillValid(el);
      await submitForm(el);
      await confirm(el);
      await el.updateComplete;
      expect($(el, '.root')!.getAttribute('aria-busy')).to.equal('true');
      expect($<HTMLButtonElement>(el, '[data-confirm]')!.disabled).to.equal(true);
      expect($<HTMLButtonElement>(el, '[data-edit]')!.disabled).to.equal(true);
      expect(text($(el, '[role="status"]'))).to.equal('Sending your application…');
      answer(approved);
      await settled(el);
      expect(outcomeKind(el)).to.equal('approved');
    });
  });

  describe('locale', () => {
    it('switching locale keeps the typed values and translates the form', async () => {
      const { el, wrapper } = await mount();
      await setField(el, 'first_name', 'Zoë');
      await setField(el, 'sin', '130 692 544');
      await setField(el, 'postal_code', 'W1A 1A1');
      wrapper.lang = 'fr-CA';
      void setLocale('fr-CA');
      await waitUntil(() => text($(el, 'label[for="first_name"]')) === 'Prénom', 'the form was not translated');
      expect(control(el, 'first_name').value).to.equal('Zoë');
      expect(control(el, 'sin').value).to.equal('130 692 544');
      expect(errorOf(el, 'postal_code')).to.equal('Entrez un code postal canadien, par exemple H2X 1Y4.');
      wrapper.lang = 'en-CA';
      void setLocale('en-CA');
      await waitUntil(() => text($(el, 'label[for="first_name"]')) === 'First name');
      expect(control(el, 'first_name').value).to.equal('Zoë');
    });

    // Each field is re-rendered only when what it shows changed (guard): the locale the messages render in is one
    // of those things, or a form first rendered on a French page would keep French labels and built-in option lists
    // after the page turned English (a keyboard user's type-ahead on "Rent" then finds nothing).
    it('turns every field English when a French page turns English: labels, hints and built-in option lists', async () => {
      const { el, wrapper } = await mount({ lang: 'fr-CA' });
      await setField(el, 'housing_type', 'Rent');
      expect(optionsOf(control(el, 'housing_type') as HTMLSelectElement)[0]).to.deep.equal(['Rent', 'Locataire']);
      expect(optionsOf(control(el, 'occupation_id') as HTMLSelectElement)[0]).to.deep.equal([
        'FE',
        'Emploi à temps plein',
      ]);
      wrapper.lang = 'en-CA';
      await setLocale('en-CA');
      await el.updateComplete;
      expect(text($(el, 'label[for="first_name"]'))).to.equal('First name');
      expect(optionsOf(control(el, 'housing_type') as HTMLSelectElement)).to.deep.equal([
        ['Rent', 'Rent'],
        ['Own', 'Own'],
        ['Parents', 'Live with family'],
        ['Other', 'Other'],
      ]);
      expect(optionsOf(control(el, 'occupation_id') as HTMLSelectElement)[0]).to.deep.equal([
        'FE',
        'Employed full time',
      ]);
      expect(control(el, 'housing_type').value).to.equal('Rent');
      expect(text($(el, 'select#housing_type option:checked'))).to.equal('Rent');
    });

    it('is accessible and French throughout in fr-CA, errors included', async () => {
      const { el } = await mount({ lang: 'fr-CA' });
      await waitUntil(() => text($(el, 'label[for="first_name"]')) === 'Prénom', 'not in French');
      await submitForm(el);
      expect(text($(el, '#summary-title'))).to.match(/^Il y a \d+ problèmes à corriger$/);
      expect(errorOf(el, 'first_name')).to.equal('Ce champ est obligatoire.');
      expect(sectionTitles(el)[1]).to.equal('À propos de vous');
      await expect(el).to.be.accessible();
    });

    it('sends the chosen language, defaulting to the element locale', async () => {
      let sent: Record<string, unknown> | undefined;
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el } = await mount({ lang: 'fr-CA', onApply: (request) => ((sent = request), approved) });
      expect(control(el, 'language').value).to.equal('fr-CA');
      await applyWith(el);
      expect(sent!.language).to.equal('fr-CA');
    });
  });

  describe('keyboard only', () => {
    it('completes a whole application with Tab, typing, Space and Enter', async () => {
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el, requests } = await mount({ onApply: () => approved });
      // What a person types in each control (selects by type-ahead on the option's label).
      const typed: Record<string, string> = {
        ...VALID,
        salutation: 'Ms.',
        province: 'Ontario',
        housing_type: 'Rent',
        occupation_id: 'Employed full',
        security_qid: 'What is the name of your first',
      };
      el.focus();
      let submitted = false;
      for (let step = 0; step < 80 && !submitted; step++) {
        const active = deepActiveElement() as HTMLInputElement | null;
        const name = active?.getAttribute('name') ?? '';
        if (active?.id === 'agreement') {
          await waitUntil(() => !active.disabled, 'the terms did not load');
          await sendKeys({ press: 'Space' });
        } else if (active?.getAttribute('part') === 'submit-button') {
          await sendKeys({ press: 'Enter' });
          submitted = true;
          break;
        } else if (name && typed[name] !== undefined && !active!.value) {
          await sendKeys({ type: typed[name]! });
        }
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
      }
      expect(submitted, 'reached the submit button').to.equal(true);
      await el.updateComplete;
      await el.updateComplete;
      expect(deepActiveElement()).to.equal($(el, '#review-title'));
      await sendKeys({ press: 'Tab' }); // Change my answers
      await sendKeys({ press: 'Tab' }); // Confirm and apply
      expect(deepActiveElement()).to.equal($(el, '[data-confirm]'));
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(outcomeKind(el)).to.equal('approved');
      expect(deepActiveElement()).to.equal($(el, '#outcome-title'));
      const [request] = requests('flexiti-apply-request') as Record<string, unknown>[];
      expect(request).to.deep.include({
        salutation: 'ms',
        first_name: 'Zoë',
        province: 'ON',
        postal_code: 'M5V 2T6',
        phone_number: '4165550199',
        housing_type: 'Rent',
        occupation_id: 'FE',
        security_qid: '8',
        sin: '130692544',
        tos_agreement: true,
      });
    });
  });

  describe('events carry no secrets', () => {
    it('keeps the SIN, PIW and security answer out of every event except the apply request', async () => {
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el, events } = await mount({ onApply: () => approved });
      await applyWith(el);
      const secrets = ['130692544', '130 692 544', 'Cloud', 'Mrs. Lee'];
      for (const event of events) {
        if (event.type === 'flexiti-apply-request') continue;
        const serialized = JSON.stringify(event.detail) ?? '';
        for (const secret of secrets) expect(serialized, event.type).not.to.contain(secret);
      }
      expect(JSON.stringify(events.find((event) => event.type === 'flexiti-apply-request')!.detail)).to.contain(
        '130692544',
      );
    });
  });

  describe('consent', () => {
    it('sends nothing on an agreement the terms cleared when they reloaded in another language', async () => {
      const { el, wrapper, requests } = await mount({ onApply: () => ({}) });
      await fillValid(el);
      expect(terms(el).checked).to.equal(true);
      wrapper.lang = 'fr-CA';
      void setLocale('fr-CA');
      await waitUntil(() => requests('flexiti-terms-request').length === 2, 'the terms were not requested again');
      await waitUntil(() => terms(el).status === 'shown' && !terms(el).checked, 'the agreement was not cleared');
      await waitUntil(() => text($(el, 'label[for="first_name"]')) === 'Prénom', 'the form was not translated');
      await submitForm(el);
      await el.updateComplete;
      expect($(el, '#review-title')).to.equal(null);
      expect(text($(el, '[part="error-summary"]'))).to.contain('Conditions');
      expect(requests('flexiti-apply-request')).to.have.length(0);
    });
  });

  describe('look', () => {
    it('has a dark scheme under prefers-color-scheme: dark, still accessible', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { el } = await mount();
        expect(getComputedStyle(el).backgroundColor).to.equal('rgb(21, 25, 30)');
        expect(getComputedStyle(control(el, 'first_name')).color).to.equal('rgb(238, 241, 244)');
        await submitForm(el);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('lets a merchant set the colours with --flexiti-* custom properties', async () => {
      const { el } = await mount();
      el.style.setProperty('--flexiti-color-primary', 'rgb(1, 2, 3)');
      expect(getComputedStyle($(el, 'form [part="submit-button"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('is usable at 320 px wide: nothing overflows horizontally', async () => {
      const { el, wrapper } = await mount({ province: 'QC' });
      wrapper.style.width = '320px';
      await el.updateComplete;
      expect(el.scrollWidth).to.be.at.most(320);
      for (const input of root(el).querySelectorAll('input, select, button')) {
        expect(
          (input as HTMLElement).getBoundingClientRect().right,
          input.getAttribute('name') ?? input.textContent!,
        ).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
    });

    it('sizes in em from --flexiti-font-size, not the page root font size', async () => {
      document.documentElement.style.fontSize = '10px';
      try {
        const { el } = await mount();
        expect(getComputedStyle(control(el, 'first_name')).fontSize).to.equal('16px');
        el.style.setProperty('--flexiti-font-size', '20px');
        expect(getComputedStyle(control(el, 'first_name')).fontSize).to.equal('20px');
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });
  });

  describe('controls under a theme', () => {
    it('keep a whole line of text when a theme takes away their minimum height', async () => {
      // The controls' size does not depend on their content (size containment, for cheap layouts): what a line of
      // text needs must still come from somewhere when a host's ::part rules remove the 2.75em minimum.
      const theme = document.createElement('style');
      theme.textContent =
        'flexiti-apply::part(control) { min-height: 0; padding: 2px; font-size: 20px; line-height: 24px; }';
      document.head.append(theme);
      try {
        const { el } = await mount();
        for (const name of ['first_name', 'salutation', 'email', 'province']) {
          const box = control(el, name);
          expect(box.clientHeight - 4, name).to.be.at.least(20);
        }
      } finally {
        theme.remove();
      }
    });
  });

  describe('public API: disabled', () => {
    it('disabled: reflected, every control disabled (the terms too), and Confirm sends nothing', async () => {
      const approved = await seedApply('200 - Success - ROC applicant');
      const { el, requests } = await mount({ onApply: () => approved });
      await fillValid(el);
      await submitForm(el);
      expect(el.state).to.equal('review');
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(enabledControls(el)).to.deep.equal([]);
      await waitUntil(() => terms(el).matches(':disabled'), 'the terms were not disabled');
      await confirm(el);
      await el.updateComplete;
      expect(requests('flexiti-apply-request')).to.deep.equal([]);
      el.disabled = false;
      await el.updateComplete;
      await confirm(el);
      await settled(el);
      expect(requests('flexiti-apply-request')).to.have.length(1);
    });
  });
});
