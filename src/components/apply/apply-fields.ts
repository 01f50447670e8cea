import { msg } from '@lit/localize';
import { APPLY_FIELDS, type ApplyField, type ApplyFieldName } from '../../model/index.js';

/** The sections of the form, in order; each lists the API parameters it fills. */
export const SECTIONS = [
  { id: 'request', fields: ['amount_requested'] },
  { id: 'about', fields: ['salutation', 'first_name', 'middle_name', 'last_name', 'dob'] },
  { id: 'address', fields: ['address_1', 'address_2', 'city', 'province', 'postal_code'] },
  { id: 'contact', fields: ['phone_number', 'email', 'language'] },
  { id: 'income', fields: ['personal_income', 'household_income', 'housing_type', 'monthly_housing_expenses'] },
  { id: 'employment', fields: ['occupation_id', 'occupation_title', 'employer_name', 'employer_phone'] },
  { id: 'identification', fields: ['govid_type', 'govid_issuedby', 'govid_number', 'govid_expiry', 'sin'] },
  { id: 'security', fields: ['security_qid', 'security_answer', 'piw'] },
  { id: 'terms', fields: ['tos_agreement'] },
] as const satisfies ReadonlyArray<{ id: string; fields: readonly ApplyFieldName[] }>;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** Every field the customer fills, in form order (focus goes to the first invalid one). */
export const FORM_ORDER: readonly ApplyFieldName[] = SECTIONS.flatMap((section) => section.fields);

/** Fields rendered as a `<select>`: the model's choices, plus the two lists with built-in defaults. */
export const SELECT_FIELDS: ReadonlySet<ApplyFieldName> = new Set<ApplyFieldName>([
  'salutation',
  'province',
  'language',
  'housing_type',
  'occupation_id',
  'govid_type',
  'govid_issuedby',
  'security_qid',
]);

/** Fields whose value is an amount in dollars (formatted as currency on the review step). */
export const MONEY_FIELDS: ReadonlySet<ApplyFieldName> = new Set<ApplyFieldName>(
  APPLY_FIELDS.filter((field) => field.kind === 'money').map((field) => field.name),
);

const BY_NAME = new Map<ApplyFieldName, ApplyField>(APPLY_FIELDS.map((field) => [field.name, field]));

/** The model's descriptor of a field (required, maxLength, kind, autocomplete token, inputmode). */
export function fieldSpec(name: ApplyFieldName): ApplyField {
  return BY_NAME.get(name)!;
}

/** Visible label of a field, in the active locale. */
export function fieldLabel(name: ApplyFieldName): string {
  switch (name) {
    case 'amount_requested':
      return msg('Amount of credit you are asking for', { id: 'apply.amount_requested.label' });
    case 'salutation':
      return msg('Title', { id: 'apply.salutation.label' });
    case 'first_name':
      return msg('First name', { id: 'apply.first_name.label' });
    case 'middle_name':
      return msg('Middle name', { id: 'apply.middle_name.label' });
    case 'last_name':
      return msg('Last name', { id: 'apply.last_name.label' });
    case 'dob':
      return msg('Date of birth', { id: 'apply.dob.label' });
    case 'language':
      return msg('Preferred language', { id: 'apply.language.label' });
    case 'email':
      return msg('Email', { id: 'apply.email.label' });
    case 'phone_number':
      return msg('Phone number', { id: 'apply.phone_number.label' });
    case 'address_1':
      return msg('Street address', { id: 'apply.address_1.label' });
    case 'address_2':
      return msg('Apartment, suite or unit', { id: 'apply.address_2.label' });
    case 'city':
      return msg('City', { id: 'apply.city.label' });
    case 'province':
      return msg('Province or territory', { id: 'apply.province.label' });
    case 'postal_code':
      return msg('Postal code', { id: 'apply.postal_code.label' });
    case 'housing_type':
      return msg('Housing situation', { id: 'apply.housing_type.label' });
    case 'monthly_housing_expenses':
      return msg('Monthly housing costs', { id: 'apply.monthly_housing_expenses.label' });
    case 'personal_income':
      return msg('Your yearly income before taxes', { id: 'apply.personal_income.label' });
    case 'household_income':
      return msg('Household yearly income before taxes', { id: 'apply.household_income.label' });
    case 'occupation_id':
      return msg('Employment status', { id: 'apply.occupation_id.label' });
    case 'occupation_title':
      return msg('Occupation or job title', { id: 'apply.occupation_title.label' });
    case 'employer_name':
      return msg('Employer', { id: 'apply.employer_name.label' });
    case 'employer_phone':
      return msg("Employer's phone number", { id: 'apply.employer_phone.label' });
    case 'govid_type':
      return msg('Type of ID', { id: 'apply.govid_type.label' });
    case 'govid_issuedby':
      return msg('Issued by', { id: 'apply.govid_issuedby.label' });
    case 'govid_number':
      return msg('ID number', { id: 'apply.govid_number.label' });
    case 'govid_expiry':
      return msg('ID expiry date', { id: 'apply.govid_expiry.label' });
    case 'input_type':
      return msg('How the ID was entered', { id: 'apply.input_type.label' });
    case 'sin':
      return msg('Social Insurance Number (SIN)', { id: 'apply.sin.label' });
    case 'security_qid':
      return msg('Security question', { id: 'apply.security_qid.label' });
    case 'security_answer':
      return msg('Answer to your security question', { id: 'apply.security_answer.label' });
    case 'piw':
      return msg('Personal identification word', { id: 'apply.piw.label' });
    case 'tos_agreement':
      return msg('Terms and conditions', { id: 'apply.tos_agreement.label' });
  }
}

/** Help shown under the label (formats up front, WCAG 3.3.2), or undefined. */
export function fieldHint(name: ApplyFieldName): string | undefined {
  switch (name) {
    case 'amount_requested':
      return msg('In dollars, for example 1,500.', { id: 'apply.amount_requested.hint' });
    case 'dob':
    case 'govid_expiry':
      return msg('YYYY-MM-DD, for example 1990-05-31.', { id: 'apply.date.hint' });
    case 'phone_number':
      return msg('10 digits, for example 416 555 0199.', { id: 'apply.phone_number.hint' });
    case 'postal_code':
      return msg('For example K1A 0B1.', { id: 'apply.postal_code.hint' });
    case 'personal_income':
      return msg('In dollars, from all sources.', { id: 'apply.personal_income.hint' });
    case 'household_income':
      return msg('In dollars: your income plus that of the people you live with.', {
        id: 'apply.household_income.hint',
      });
    case 'monthly_housing_expenses':
      return msg(
        'In dollars: rent or mortgage, property taxes, heating and condo fees. Quebec law requires it to assess your ability to repay.',
        { id: 'apply.monthly_housing_expenses.hint' },
      );
    case 'sin':
      return msg('Flexiti uses it only to find your file at the credit bureau. You can apply without it.', {
        id: 'apply.sin.hint',
      });
    case 'security_answer':
      return msg('You will be asked for this answer to confirm who you are.', { id: 'apply.security_answer.hint' });
    case 'piw':
      return msg('A word you choose and will remember. Flexiti asks for it when you call.', { id: 'apply.piw.hint' });
    case 'occupation_title':
      return msg('If you are not employed, say what you do, for example Retired or Student.', {
        id: 'apply.occupation_title.hint',
      });
    default:
      return undefined;
  }
}

/** Heading of a section. */
export function sectionTitle(id: SectionId): string {
  switch (id) {
    case 'request':
      return msg('Your request', { id: 'apply.section.request' });
    case 'about':
      return msg('About you', { id: 'apply.section.about' });
    case 'address':
      return msg('Home address', { id: 'apply.section.address' });
    case 'contact':
      return msg('Contact information', { id: 'apply.section.contact' });
    case 'income':
      return msg('Income and housing', { id: 'apply.section.income' });
    case 'employment':
      return msg('Employment', { id: 'apply.section.employment' });
    case 'identification':
      return msg('Identification', { id: 'apply.section.identification' });
    case 'security':
      return msg('Security question and personal identification word', { id: 'apply.section.security' });
    case 'terms':
      return msg('Terms and conditions', { id: 'apply.section.terms' });
  }
}
