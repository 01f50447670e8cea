/**
 * Every error code the POS API documents (seeds 000, 001, 003), Finix's codes and failure codes (seed 002),
 * codes seen in the Flexiti docs (`tries_exceed`, `sms_not_valid_phone`, `wrong_input(s)`) and our local codes:
 * what kind of error it is, the field it belongs to, whether retrying the same request can help, and the
 * customer-facing text in both languages. Keys are the codes as the API sends them (Finix's in upper case).
 */

export type ErrorType =
  | 'validation'
  | 'declined'
  | 'pending'
  | 'exists'
  | 'conflict'
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'implementation';

export interface CatalogueEntry {
  readonly type: ErrorType;
  /** The field the error belongs to (our field name), when it names one. */
  readonly field?: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  readonly 'en-CA': string;
  readonly 'fr-CA': string;
}

const STAFF_EN = 'Please ask a store employee for help.';
const STAFF_FR = "Demandez de l'aide à un employé du magasin.";

const storeSetup = (en: string, fr: string): CatalogueEntry => ({
  type: 'implementation',
  retryable: false,
  'en-CA': `${en} ${STAFF_EN}`,
  'fr-CA': `${fr} ${STAFF_FR}`,
});

const storeAuth = (retryable = false): CatalogueEntry => ({
  type: 'auth',
  retryable,
  'en-CA': `The store could not connect to Flexiti. ${STAFF_EN}`,
  'fr-CA': `Le magasin n'a pas pu se connecter à Flexiti. ${STAFF_FR}`,
});

const DECLINED_APPLICATION: CatalogueEntry = {
  type: 'declined',
  retryable: false,
  'en-CA': "We're sorry, we can't approve your application at this time.",
  'fr-CA': 'Nous sommes désolés, nous ne pouvons pas approuver votre demande pour le moment.',
};

const PENDING_APPLICATION: CatalogueEntry = {
  type: 'pending',
  retryable: false,
  'en-CA': 'Your application needs a closer look. Flexiti will contact you with a decision soon.',
  'fr-CA':
    'Votre demande doit être examinée de plus près. Flexiti communiquera avec vous sous peu pour vous donner une réponse.',
};

const WRONG_INPUT: CatalogueEntry = {
  type: 'validation',
  retryable: false,
  'en-CA': "Some information isn't valid. Check the highlighted fields and try again.",
  'fr-CA': 'Certains renseignements ne sont pas valides. Vérifiez les champs indiqués et réessayez.',
};

const NOT_FOUND: CatalogueEntry = {
  type: 'not_found',
  retryable: false,
  'en-CA': "We couldn't find a Flexiti account with this information. Check it and try again.",
  'fr-CA': "Nous n'avons trouvé aucun compte Flexiti avec ces renseignements. Vérifiez-les et réessayez.",
};

const SERVER_ERROR: CatalogueEntry = {
  type: 'server',
  retryable: true,
  'en-CA': 'Something went wrong at Flexiti. Please try again in a moment.',
  'fr-CA': 'Un problème est survenu chez Flexiti. Veuillez réessayer dans un moment.',
};

const CARD_DECLINED: CatalogueEntry = {
  type: 'declined',
  retryable: false,
  'en-CA': "We're sorry, this payment was declined. Please contact your card issuer or use another payment method.",
  'fr-CA':
    "Nous sommes désolés, ce paiement a été refusé. Communiquez avec l'émetteur de votre carte ou utilisez un autre mode de paiement.",
};

const NOT_ABLE_TO_PURCHASE: CatalogueEntry = {
  type: 'conflict',
  retryable: false,
  'en-CA': "We're sorry, this account can't be used for purchases right now. Please call Flexiti at 1-877-259-3750.",
  'fr-CA':
    'Nous sommes désolés, ce compte ne peut pas servir à des achats pour le moment. Veuillez appeler Flexiti au 1-877-259-3750.',
};

export const ERROR_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  // ── Authentication and store setup (seeds 000, 001, 003) ──
  invalid_token: storeAuth(true),
  invalid_credentials: storeAuth(),
  invalid_client: storeAuth(),
  invalid_request: storeAuth(),
  unauthorized: storeAuth(),
  authentication_failure: storeAuth(),
  insufficient_scope: storeAuth(),
  invalid_role: storeSetup(
    "This store's Flexiti account isn't set up for this service.",
    "Le compte Flexiti de ce magasin n'est pas configuré pour ce service.",
  ),
  external_location_id_not_found: storeSetup(
    "This store location isn't registered with Flexiti.",
    "Cet emplacement du magasin n'est pas inscrit auprès de Flexiti.",
  ),
  account_type_not_permitted: storeSetup(
    "This store can't accept this type of Flexiti account.",
    'Ce magasin ne peut pas accepter ce type de compte Flexiti.',
  ),
  auth_not_allowed: storeSetup(
    "This store isn't set up to pre-authorize purchases.",
    "Ce magasin n'est pas configuré pour préautoriser des achats.",
  ),
  plan_term_not_set: storeSetup(
    "This financing option isn't set up for this store.",
    "Cette option de financement n'est pas configurée pour ce magasin.",
  ),
  invalid_transaction_type: storeSetup(
    "This type of transaction isn't available.",
    "Ce type de transaction n'est pas offert.",
  ),
  merchant_override_is_not_allowed: {
    type: 'implementation',
    retryable: false,
    'en-CA': "This store can't verify customers with a store override. Choose another way to verify.",
    'fr-CA':
      'Ce magasin ne peut pas vérifier les clients par dérogation du marchand. Choisissez un autre mode de vérification.',
  },

  // ── Credit application ──
  tos_agreement_required: {
    type: 'validation',
    field: 'tos_agreement',
    retryable: false,
    'en-CA': 'To apply, you must agree to the terms and conditions.',
    'fr-CA': 'Pour faire une demande, vous devez accepter les modalités.',
  },
  customer_already_exists: {
    type: 'exists',
    retryable: false,
    'en-CA': 'You already have a Flexiti account. You can use it for this purchase.',
    'fr-CA': "Vous avez déjà un compte Flexiti. Vous pouvez l'utiliser pour cet achat.",
  },
  application_declined: DECLINED_APPLICATION,
  application_declined_2: DECLINED_APPLICATION,
  application_declined_3: DECLINED_APPLICATION,
  application_marked_pending_1: PENDING_APPLICATION,
  application_marked_pending_2: PENDING_APPLICATION,
  creditapp_id_not_found: {
    type: 'not_found',
    retryable: false,
    'en-CA': "We couldn't find this credit application. Please start a new application.",
    'fr-CA': "Nous n'avons pas trouvé cette demande de crédit. Veuillez remplir une nouvelle demande.",
  },
  application_create_error: {
    // A third-party timeout: the application may or may not exist, so a blind retry could apply twice.
    type: 'server',
    retryable: false,
    'en-CA':
      "We couldn't confirm whether your application went through. Before applying again, ask a store employee to look up your account.",
    'fr-CA':
      "Nous n'avons pas pu confirmer si votre demande a été reçue. Avant de refaire une demande, demandez à un employé du magasin de rechercher votre compte.",
  },

  // ── Customers and verification ──
  not_found: NOT_FOUND,
  invalid_account: {
    type: 'not_found',
    retryable: false,
    'en-CA': "We couldn't find this account. Check the account number and try again.",
    'fr-CA': "Nous n'avons pas trouvé ce compte. Vérifiez le numéro de compte et réessayez.",
  },
  customer_identity_not_found: {
    type: 'not_found',
    retryable: false,
    'en-CA': "We couldn't confirm the customer's identity. Please verify the customer again.",
    'fr-CA': "Nous n'avons pas pu confirmer l'identité du client. Veuillez vérifier le client de nouveau.",
  },
  no_returns_found: {
    type: 'not_found',
    retryable: false,
    'en-CA':
      'There are no purchases available to return for this customer. If you already processed a partial return, contact Flexiti at 1-877-259-3754.',
    'fr-CA':
      'Aucun achat ne peut être retourné pour ce client. Si un retour partiel a déjà été traité, communiquez avec Flexiti au 1-877-259-3754.',
  },
  user_not_active: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'Your account must be activated before you can make a purchase. To activate it, visit my.flexiti.com.',
    'fr-CA':
      "Votre compte doit être activé avant que vous puissiez faire un achat. Pour l'activer, visitez my.flexiti.com.",
  },
  user_not_able_to_purchase: NOT_ABLE_TO_PURCHASE,
  user_not_able_to_preaut: {
    type: 'conflict',
    retryable: false,
    'en-CA':
      "We're sorry, this account can't be used to authorize a purchase right now. Please call Flexiti at 1-877-259-3750.",
    'fr-CA':
      'Nous sommes désolés, ce compte ne peut pas servir à autoriser un achat pour le moment. Veuillez appeler Flexiti au 1-877-259-3750.',
  },
  secret_answer_mismatch: {
    type: 'validation',
    field: 'security_answer',
    retryable: false,
    'en-CA': "This answer doesn't match our records. Try again, or choose another way to verify.",
    'fr-CA': 'Cette réponse ne correspond pas à nos dossiers. Réessayez ou choisissez un autre mode de vérification.',
  },
  piw_mismatch: {
    type: 'validation',
    field: 'piw',
    retryable: false,
    'en-CA': "This personal identification word doesn't match our records. Try again, or choose another way to verify.",
    'fr-CA':
      "Ce mot d'identification personnel ne correspond pas à nos dossiers. Réessayez ou choisissez un autre mode de vérification.",
  },
  tries_exceed: {
    type: 'conflict',
    retryable: false,
    'en-CA':
      'Too many incorrect attempts. For your security, this method is locked for now. Get a code by text message or email instead.',
    'fr-CA':
      'Trop de tentatives incorrectes. Pour votre sécurité, ce mode est bloqué pour le moment. Recevez plutôt un code par texto ou par courriel.',
  },
  sms_not_valid_phone: {
    type: 'validation',
    retryable: false,
    'en-CA': "We can't send a text message to the phone number on file. Get the code by email instead.",
    'fr-CA':
      'Nous ne pouvons pas envoyer de texto au numéro de téléphone inscrit au dossier. Recevez plutôt le code par courriel.',
  },
  wrong_verification_code: {
    type: 'validation',
    field: 'verification_code',
    retryable: false,
    'en-CA': 'This code is incorrect. Check it and try again.',
    'fr-CA': 'Ce code est incorrect. Vérifiez-le et réessayez.',
  },
  verification_code_required: {
    type: 'validation',
    field: 'verification_code',
    retryable: false,
    'en-CA': 'Enter the verification code.',
    'fr-CA': 'Entrez le code de vérification.',
  },
  not_verified: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'The verification is no longer valid. Please verify the customer again.',
    'fr-CA': "La vérification n'est plus valide. Veuillez vérifier le client de nouveau.",
  },
  "Driver License's not supported": {
    type: 'validation',
    field: 'code',
    retryable: false,
    'en-CA': "This driver's licence can't be read. Enter your information by hand instead.",
    'fr-CA': 'Ce permis de conduire ne peut pas être lu. Entrez plutôt vos renseignements à la main.',
  },
  vcc_account_mismatch: {
    type: 'validation',
    field: 'vcc_number',
    retryable: false,
    'en-CA': "This card number doesn't belong to this account. Check the card number.",
    'fr-CA': "Ce numéro de carte n'appartient pas à ce compte. Vérifiez le numéro de carte.",
  },
  wrong_input: WRONG_INPUT,
  wrong_inputs: WRONG_INPUT,

  // ── Transactions ──
  not_enough_credit: {
    type: 'declined',
    retryable: false,
    'en-CA': "There isn't enough available credit for this purchase amount. Try a smaller amount.",
    'fr-CA': "Le crédit disponible est insuffisant pour ce montant d'achat. Essayez un montant moins élevé.",
  },
  credit_exceeded: {
    type: 'declined',
    retryable: false,
    'en-CA': 'This amount, with interest, is more than the available credit. Try a smaller amount.',
    'fr-CA': 'Ce montant, intérêts compris, dépasse le crédit disponible. Essayez un montant moins élevé.',
  },
  limit_payment_amount_24: {
    type: 'declined',
    retryable: false,
    'en-CA': 'Payments on this account are limited to $10,000 per day. Try a smaller amount, or try again tomorrow.',
    'fr-CA':
      'Les paiements sur ce compte sont limités à 10 000 $ par jour. Essayez un montant moins élevé ou réessayez demain.',
  },
  refunds_limit_exceeded_amount: {
    type: 'declined',
    retryable: false,
    'en-CA': 'This refund is more than the amount that can be refunded on this account.',
    'fr-CA': 'Ce remboursement dépasse le montant pouvant être remboursé sur ce compte.',
  },
  plan_term_not_available: {
    type: 'validation',
    retryable: false,
    'en-CA': "This plan or term isn't available for this purchase. Choose another one.",
    'fr-CA': "Ce plan ou cette durée n'est pas offert pour cet achat. Choisissez-en un autre.",
  },
  general_error: SERVER_ERROR,

  // ── Finix (seed 002): codes and failure codes, as sent ──
  BAD_REQUEST: storeSetup("The request couldn't be read.", "La demande n'a pas pu être lue."),
  UNKNOWN: storeAuth(),
  UPSTREAM_PROCESSOR_ERROR: SERVER_ERROR,
  DECLINED: CARD_DECLINED,
  GENERIC_DECLINE: CARD_DECLINED,
  FORBIDDEN: storeAuth(),
  NOT_FOUND: {
    type: 'not_found',
    retryable: false,
    'en-CA': "We couldn't find what you were looking for.",
    'fr-CA': "Nous n'avons pas trouvé ce que vous cherchiez.",
  },
  METHOD_NOT_ALLOWED: storeSetup("This request isn't supported.", "Cette demande n'est pas prise en charge."),
  NOT_ACCEPTABLE: storeSetup("This request isn't supported.", "Cette demande n'est pas prise en charge."),
  CONFLICT: {
    type: 'conflict',
    retryable: false,
    'en-CA': "This request can't be completed in its current state. Please try again later.",
    'fr-CA': 'Cette demande ne peut pas être traitée dans son état actuel. Veuillez réessayer plus tard.',
  },
  UNPROCESSABLE_ENTITY: {
    type: 'conflict',
    retryable: false,
    'en-CA': "This request couldn't be completed. Please try again later.",
    'fr-CA': "Cette demande n'a pas pu être traitée. Veuillez réessayer plus tard.",
  },
  INVALID_FIELD: WRONG_INPUT,
  TOO_MANY_REQUESTS: {
    type: 'rate_limited',
    retryable: true,
    'en-CA': 'Too many attempts. Wait a moment, then try again.',
    'fr-CA': 'Trop de tentatives. Attendez un moment, puis réessayez.',
  },
  SERVER_ERROR: SERVER_ERROR,

  // ── Checkout sessions (docs/checkout-sessions.md): answered by the merchant's handler, not by Flexiti ──
  checkout_required: storeSetup(
    "This payment page isn't linked to a checkout.",
    "Cette page de paiement n'est liée à aucune commande.",
  ),
  checkout_not_found: {
    type: 'auth',
    retryable: false,
    'en-CA': "We couldn't find this checkout. Reload the page to start again.",
    'fr-CA': 'Nous ne trouvons pas cette commande. Rechargez la page pour recommencer.',
  },
  checkout_expired: {
    type: 'auth',
    retryable: false,
    'en-CA': 'This checkout has expired. Please start again from your cart.',
    'fr-CA': 'Cette commande a expiré. Veuillez recommencer à partir de votre panier.',
  },
  origin_not_allowed: storeSetup(
    "This page isn't allowed to use this store's Flexiti checkout.",
    "Cette page n'est pas autorisée à utiliser le paiement Flexiti de ce magasin.",
  ),
  method_not_allowed: {
    type: 'conflict',
    retryable: false,
    'en-CA': "This way to verify isn't available here. Choose another way to verify.",
    'fr-CA': "Ce mode de vérification n'est pas offert ici. Choisissez un autre mode de vérification.",
  },
  customer_not_bound: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'We need to find your Flexiti account first. Go back a step and try again.',
    'fr-CA': "Nous devons d'abord trouver votre compte Flexiti. Revenez à l'étape précédente et réessayez.",
  },
  verification_required: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'Please verify your identity before completing the purchase.',
    'fr-CA': "Veuillez confirmer votre identité avant de terminer l'achat.",
  },
  checkout_completed: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'This purchase is already complete. There is nothing more to do.',
    'fr-CA': "Cet achat est déjà terminé. Vous n'avez rien d'autre à faire.",
  },
  not_closable: {
    type: 'conflict',
    retryable: false,
    'en-CA': "This account can't be cancelled here. Please call Flexiti at 1-877-259-3750.",
    'fr-CA': 'Ce compte ne peut pas être annulé ici. Veuillez appeler Flexiti au 1-877-259-3750.',
  },
  plan_not_offered: {
    type: 'validation',
    field: 'plan_id',
    retryable: false,
    'en-CA': "This plan or term isn't available for this purchase. Choose another one.",
    'fr-CA': "Ce plan ou cette durée n'est pas offert pour cet achat. Choisissez-en un autre.",
  },
  verification_void: {
    type: 'conflict',
    retryable: false,
    'en-CA': 'After too many incorrect codes, this code no longer works. Verify again to get a new code.',
    'fr-CA':
      'Après trop de codes incorrects, ce code ne fonctionne plus. Refaites la vérification pour recevoir un nouveau code.',
  },
  already_applied: {
    type: 'conflict',
    retryable: false,
    'en-CA':
      'This checkout is already for a new Flexiti account. Continue with that account, or start again from your cart.',
    'fr-CA':
      'Cette commande est déjà liée à un nouveau compte Flexiti. Continuez avec ce compte ou recommencez à partir de votre panier.',
  },
  purchase_in_progress: {
    type: 'conflict',
    retryable: true,
    'en-CA': "Your purchase is still being processed. Wait a moment, then try again: it won't be charged twice.",
    'fr-CA':
      'Votre achat est toujours en traitement. Attendez un moment, puis réessayez : il ne sera pas facturé deux fois.',
  },
  bad_request: storeSetup("The request couldn't be read.", "La demande n'a pas pu être lue."),
  payload_too_large: storeSetup('The request is too large.', 'La demande est trop volumineuse.'),
  too_many_attempts: {
    type: 'rate_limited',
    retryable: true,
    'en-CA': 'Too many attempts. Wait a moment, then try again. What you entered is still here.',
    'fr-CA': 'Trop de tentatives. Attendez un moment, puis réessayez. Vos renseignements sont conservés.',
  },

  // ── Local: produced by the elements and the server, not by the API ──
  network_error: {
    type: 'network',
    retryable: true,
    'en-CA': "We couldn't connect. Your information is still here: check your internet connection, then try again.",
    'fr-CA':
      'Connexion impossible. Vos renseignements sont conservés : vérifiez votre connexion Internet, puis réessayez.',
  },
  timeout: {
    type: 'network',
    retryable: true,
    'en-CA': 'This is taking too long. Your information is still here. Check your connection, then try again.',
    'fr-CA': 'Le délai est dépassé. Vos renseignements sont conservés. Vérifiez votre connexion, puis réessayez.',
  },
  invalid_response: {
    type: 'server',
    retryable: true,
    'en-CA': 'We received an unexpected answer. Please try again in a moment.',
    'fr-CA': 'Nous avons reçu une réponse inattendue. Veuillez réessayer dans un moment.',
  },
  // The host page's answer can't be read (a Response whose body it already read, a wrong type): a setup error,
  // never retried, since the request reached the server and may have taken effect.
  unreadable_answer: {
    type: 'implementation',
    retryable: false,
    'en-CA': "We couldn't read the store's answer.",
    'fr-CA': "Nous n'avons pas pu lire la réponse du magasin.",
  },
  no_handler: storeSetup(
    "This form isn't connected to the store's system yet.",
    "Ce formulaire n'est pas encore relié au système du magasin.",
  ),
  unknown: {
    type: 'server',
    retryable: true,
    'en-CA': 'Something went wrong. Please try again in a moment.',
    'fr-CA': 'Un problème est survenu. Veuillez réessayer dans un moment.',
  },
};

// Codes documented as sentences (seed 001 lists the 403 as its message).
const CODE_ALIASES: Record<string, string> = {
  'insufficient scope: authorized scope is insufficient': 'insufficient_scope',
};

/** The catalogue key for a code as sent: exact first (Finix's `UNKNOWN` ≠ our `unknown`), then lower case. */
export function catalogueKey(code: string): string | undefined {
  if (Object.hasOwn(ERROR_CATALOGUE, code)) return code;
  const lower = code.trim().toLowerCase();
  if (Object.hasOwn(ERROR_CATALOGUE, lower)) return lower;
  if (Object.hasOwn(CODE_ALIASES, lower)) return CODE_ALIASES[lower];
  const match = Object.keys(ERROR_CATALOGUE).find((key) => key.toLowerCase() === lower);
  return match;
}

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  const key = catalogueKey(code);
  return key === undefined ? undefined : ERROR_CATALOGUE[key];
}

/** Text for the message key 'api.<code>'. */
export function catalogueText(code: string, locale: 'en-CA' | 'fr-CA'): string | undefined {
  return catalogueEntry(code)?.[locale];
}
