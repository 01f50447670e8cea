/**
 * Message keys and their customer-facing text in en-CA and fr-CA. Validators and the error reader return keys,
 * never text; elements turn a key into text for their resolved locale with `messageText`.
 */
import { ERROR_CATALOGUE, catalogueText } from './error-catalogue.js';

export const LOCALES = ['en-CA', 'fr-CA'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message key, e.g. 'required', 'sin.checksum', 'postal.province', 'api.secret_answer_mismatch'. */
export type MessageKey = string;

/** A message for one field: a key and the values its text interpolates (`{max}`, `{age}`…). */
export interface FieldMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

type Texts = Record<Locale, string>;

// Text is data so the server and the elements share it. `{name}` is replaced by params.name.
// French follows Canadian usage (courriel, NAS) with a non-breaking space before the colon.
const MESSAGES: Record<MessageKey, Texts> = {
  required: { 'en-CA': 'This field is required.', 'fr-CA': 'Ce champ est obligatoire.' },
  'choice.invalid': {
    'en-CA': 'Choose one of the options in the list.',
    'fr-CA': 'Choisissez une des options de la liste.',
  },
  'text.too_long': {
    'en-CA': 'Use {max} characters or fewer.',
    'fr-CA': 'Utilisez au plus {max} caractères.',
  },
  'text.characters': {
    'en-CA': 'Remove the special or invisible characters from this field.',
    'fr-CA': 'Retirez les caractères spéciaux ou invisibles de ce champ.',
  },
  'name.characters': {
    'en-CA': "Use letters only, with spaces, hyphens (-), apostrophes (') or periods (.) if needed.",
    'fr-CA':
      "Utilisez seulement des lettres, avec des espaces, des traits d'union (-), des apostrophes (') ou des points (.) au besoin.",
  },
  'sin.format': {
    'en-CA': 'Enter the 9 digits of your SIN, or leave it blank.',
    'fr-CA': 'Entrez les 9 chiffres de votre NAS, ou laissez le champ vide.',
  },
  'sin.checksum': {
    'en-CA': "This SIN isn't valid. Check the 9 digits.",
    'fr-CA': "Ce NAS n'est pas valide. Vérifiez les 9 chiffres.",
  },
  'sin.not_issued': {
    'en-CA': "This SIN isn't valid: no SIN starts with 0 or 8. Check the number, or leave it blank.",
    'fr-CA': "Ce NAS n'est pas valide : aucun NAS ne commence par 0 ou 8. Vérifiez le numéro ou laissez le champ vide.",
  },
  'postal.format': {
    'en-CA': 'Enter a Canadian postal code, for example K1A 0B1.',
    'fr-CA': 'Entrez un code postal canadien, par exemple H2X 1Y4.',
  },
  'postal.province': {
    'en-CA': "This postal code doesn't match the province you chose. Check both.",
    'fr-CA': 'Ce code postal ne correspond pas à la province choisie. Vérifiez les deux.',
  },
  'phone.format': {
    'en-CA': 'Enter a 10-digit phone number, for example 416 555 0199.',
    'fr-CA': 'Entrez un numéro de téléphone à 10 chiffres, par exemple 514 555 0199.',
  },
  'phone.invalid': {
    'en-CA': "This phone number isn't valid. Check the area code and the next 3 digits.",
    'fr-CA': "Ce numéro de téléphone n'est pas valide. Vérifiez l'indicatif régional et les 3 chiffres suivants.",
  },
  'phone.area_not_canadian': {
    'en-CA': "This area code isn't a Canadian one we know. Check it if the number is in Canada.",
    'fr-CA': "Cet indicatif régional n'est pas un indicatif canadien connu. Vérifiez-le si le numéro est au Canada.",
  },
  'email.format': {
    'en-CA': 'Enter an email address like name@example.com.',
    'fr-CA': 'Entrez une adresse courriel comme nom@exemple.com.',
  },
  'date.format': {
    'en-CA': 'Enter the date year first, as YYYY-MM-DD or YYYYMMDD, for example 1990-05-31.',
    'fr-CA': 'Entrez la date en commençant par l’année, au format AAAA-MM-JJ ou AAAAMMJJ, par exemple 1990-05-31.',
  },
  'date.invalid': {
    'en-CA': "This date doesn't exist. Check the month and day.",
    'fr-CA': "Cette date n'existe pas. Vérifiez le mois et le jour.",
  },
  'dob.future': {
    'en-CA': "Your date of birth can't be in the future.",
    'fr-CA': 'La date de naissance ne peut pas être dans le futur.',
  },
  'dob.underage': {
    'en-CA': 'You must be at least {age} years old to apply in your province.',
    'fr-CA': 'Vous devez avoir au moins {age} ans pour faire une demande dans votre province.',
  },
  'dob.lookup_underage': {
    'en-CA': 'Flexiti account holders are at least {age} years old. Check the date of birth.',
    'fr-CA': 'Les titulaires de compte Flexiti ont au moins {age} ans. Vérifiez la date de naissance.',
  },
  'dob.too_old': {
    'en-CA': 'Check the year of your date of birth.',
    'fr-CA': "Vérifiez l'année de votre date de naissance.",
  },
  'govid.expired': {
    'en-CA': 'This ID has expired. Use an ID that is still valid.',
    'fr-CA': "Cette pièce d'identité est expirée. Utilisez une pièce encore valide.",
  },
  'govid.incomplete': {
    'en-CA': 'Complete the ID type, issued by and ID number, or leave all three blank.',
    'fr-CA': "Remplissez le type de pièce, l'émetteur et le numéro de la pièce, ou laissez les trois champs vides.",
  },
  'govid.number_format': {
    'en-CA': 'Enter the ID number as shown on the card: letters, digits and hyphens only.',
    'fr-CA': "Entrez le numéro tel qu'il figure sur la carte : lettres, chiffres et traits d'union seulement.",
  },
  'money.format': {
    'en-CA': 'Enter an amount in dollars, for example 1,234.56.',
    'fr-CA': 'Entrez un montant en dollars, par exemple 1 234,56.',
  },
  'money.negative': {
    'en-CA': "The amount can't be negative.",
    'fr-CA': 'Le montant ne peut pas être négatif.',
  },
  'money.positive': {
    'en-CA': 'Enter an amount greater than $0.',
    'fr-CA': 'Entrez un montant supérieur à 0 $.',
  },
  'money.too_large': {
    'en-CA': 'This amount is too large. Check the number of digits.',
    'fr-CA': 'Ce montant est trop élevé. Vérifiez le nombre de chiffres.',
  },
  'income.household_below_personal': {
    'en-CA': 'Household income includes your own income, so it must be at least your personal income.',
    'fr-CA': 'Le revenu du ménage comprend votre revenu personnel : il doit donc être au moins égal à celui-ci.',
  },
  'tos.required': {
    'en-CA': 'To apply, you must agree to the terms and conditions.',
    'fr-CA': 'Pour faire une demande, vous devez accepter les modalités.',
  },
  'vcc.format': {
    'en-CA': 'Enter the 16 digits of the Flexiti card number, for example 6374 9801 0040 8234.',
    'fr-CA': 'Entrez les 16 chiffres du numéro de carte Flexiti, par exemple 6374 9801 0040 8234.',
  },
  'verification_code.format': {
    'en-CA': 'Enter the code you received, using digits only.',
    'fr-CA': 'Entrez le code reçu, en chiffres seulement.',
  },
  'field.format': {
    'en-CA': "This isn't in the expected format. Check what you entered.",
    'fr-CA': "Ce n'est pas le format attendu. Vérifiez ce que vous avez entré.",
  },
  'field.invalid': {
    'en-CA': "This value isn't valid. Check what you entered.",
    'fr-CA': "Cette valeur n'est pas valide. Vérifiez ce que vous avez entré.",
  },
  'field.type': {
    'en-CA': "This value isn't the right kind. Check what you entered.",
    'fr-CA': "Cette valeur n'est pas du bon type. Vérifiez ce que vous avez entré.",
  },
  'field.length': {
    'en-CA': 'This is too long or too short. Check what you entered.',
    'fr-CA': 'Cette valeur est trop longue ou trop courte. Vérifiez ce que vous avez entré.',
  },
  'field.generic': {
    'en-CA': 'Check this field.',
    'fr-CA': 'Vérifiez ce champ.',
  },
  'error.other_fields': {
    'en-CA': 'Also check: {fields}.',
    'fr-CA': 'Vérifiez aussi : {fields}.',
  },
  'error.validation': {
    'en-CA': 'Some information needs to be corrected. Check the form and try again.',
    'fr-CA': 'Certains renseignements doivent être corrigés. Vérifiez le formulaire et réessayez.',
  },
  'error.declined': {
    'en-CA': "We're sorry, this request was declined.",
    'fr-CA': 'Nous sommes désolés, cette demande a été refusée.',
  },
  'error.pending': {
    'en-CA': 'Your request is being reviewed. We will contact you soon.',
    'fr-CA': "Votre demande est en cours d'examen. Nous communiquerons avec vous sous peu.",
  },
  'error.exists': {
    'en-CA': 'You already have a Flexiti account.',
    'fr-CA': 'Vous avez déjà un compte Flexiti.',
  },
  'error.conflict': {
    'en-CA': "We're sorry, we can't complete this request right now.",
    'fr-CA': 'Nous sommes désolés, nous ne pouvons pas traiter cette demande pour le moment.',
  },
  'error.auth': {
    'en-CA': 'The store could not connect to Flexiti. Please ask a store employee for help.',
    'fr-CA': "Le magasin n'a pas pu se connecter à Flexiti. Demandez de l'aide à un employé du magasin.",
  },
  'error.not_found': {
    'en-CA': "We couldn't find what you were looking for. Check the information and try again.",
    'fr-CA': "Nous n'avons pas trouvé ce que vous cherchiez. Vérifiez les renseignements et réessayez.",
  },
  'rate_limited.wait': {
    'en-CA': 'Too many attempts. Wait {wait}, then try again. What you entered is still here.',
    'fr-CA': 'Trop de tentatives. Attendez {wait}, puis réessayez. Vos renseignements sont conservés.',
  },
  'error.rate_limited': {
    'en-CA': 'Too many attempts. Wait a moment, then try again.',
    'fr-CA': 'Trop de tentatives. Attendez un moment, puis réessayez.',
  },
  'error.server': {
    'en-CA': 'Something went wrong on our side. Please try again in a moment.',
    'fr-CA': 'Un problème est survenu de notre côté. Veuillez réessayer dans un moment.',
  },
  'error.network': {
    'en-CA': "We couldn't connect. Check your internet connection, then try again.",
    'fr-CA': 'Connexion impossible. Vérifiez votre connexion Internet, puis réessayez.',
  },
  'error.implementation': {
    'en-CA': 'This store has not finished setting up Flexiti. Please ask a store employee for help.',
    'fr-CA': "Ce magasin n'a pas terminé la configuration de Flexiti. Demandez de l'aide à un employé du magasin.",
  },
};

/** Every key `messageText` knows (local keys and 'api.<code>' keys from the error catalogue). */
export function messageKeys(): MessageKey[] {
  return [...Object.keys(MESSAGES), ...Object.keys(ERROR_CATALOGUE).map((code) => `api.${code}`)];
}

/** The key's text in the locale, with `{params}` filled in. An unknown key gives a generic "check this field". */
export function messageText(message: FieldMessage | MessageKey, locale: Locale): string {
  const { key, params } = typeof message === 'string' ? { key: message, params: undefined } : message;
  const lang: Locale = locale === 'fr-CA' ? 'fr-CA' : 'en-CA';
  const text =
    MESSAGES[key]?.[lang] ??
    (key.startsWith('api.') ? catalogueText(key.slice(4), lang) : undefined) ??
    MESSAGES['field.generic']![lang];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** Reads 'fr', 'fr-ca', 'FR_CA', 'en', 'EN_CA'… as a supported locale; undefined otherwise. */
export function toLocale(raw: unknown): Locale | undefined {
  if (typeof raw !== 'string') return undefined;
  const lang = raw.trim().toLowerCase().slice(0, 2);
  return lang === 'fr' ? 'fr-CA' : lang === 'en' ? 'en-CA' : undefined;
}
