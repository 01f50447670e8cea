/**
 * The demo page's own text, in both languages. The elements carry their own translations (@lit/localize);
 * this small dictionary is all a host page needs for the words around them.
 */
export type Locale = 'en-CA' | 'fr-CA';

const en = {
  documentTitle: 'Checkout · Maple & Birch Home (Flexiti sandbox demo)',
  banner: 'A demo store on the Flexiti sandbox: no real credit, no real money, nothing leaves this computer.',
  language: 'Language',
  skipToCheckout: 'Skip to checkout',

  cartHeading: 'Your cart',
  item: 'Item',
  quantity: 'Qty',
  price: 'Price',
  itemTable: 'Oak dining table',
  itemChair: 'Dining chair',
  itemDelivery: 'Delivery',
  total: 'Total',
  payWithFlexiti: 'Pay with Flexiti',

  chooseHeading: 'Pay with Flexiti',
  chooseLead: 'Pay over time with Flexiti financing.',
  chooseNew: 'Apply for a Flexiti account',
  chooseNewHint: 'New customer: apply in a few minutes and pay over time.',
  chooseExisting: 'I already have a Flexiti account',
  chooseExistingHint: 'Find your account with your name and date of birth, or your card number.',
  backToCart: 'Back to cart',
  back: 'Back',

  applyHeading: 'Apply for Flexiti financing',
  sampleApplicant: 'Fill in a sample applicant',
  sampleOntario: 'Ontario',
  sampleQuebec: 'Quebec',
  continueToPlan: 'Choose a payment plan',
  findMyAccount: 'Find my account',
  otherPayment: 'Choose another way to pay',

  lookupHeading: 'Find your Flexiti account',
  lookupBy: 'Find it with',
  lookupByName: 'Name and date of birth',
  lookupByCard: 'Card number',
  firstName: 'First name',
  lastName: 'Last name',
  dob: 'Date of birth',
  dobHint: 'YYYY-MM-DD, for example 1990-05-31.',
  postalCode: 'Postal code (optional)',
  postalHint: 'Narrows the search, for example M5M 1M1.',
  cardNumber: 'Flexiti card number',
  cardHint: '16 digits, on the front of the card.',
  cardInvalid: 'Enter the 16 digits of the card number.',
  lookupSubmit: 'Find my account',
  lookupBusy: 'Looking up the account…',
  lookupFailed: "We couldn't find the account",
  errorPrefix: 'Error:',

  planHeading: 'Choose how to pay',
  planPurchase: 'Purchase',
  planCredit: 'Available credit',
  planContinue: 'Continue',
  planRequired: 'Choose a plan and a term to continue.',

  verifyHeading: "Confirm it's you to pay",
  verifyNewCustomer: 'We will send a code to the phone number or email on your application.',
  verifyPaying: 'Confirming your purchase…',
  changePlan: 'Change the plan',
  purchaseFailed: "The purchase didn't go through",

  receiptHeading: 'Thank you! Your purchase is approved',
  receiptLead: 'A confirmation will be sent by Flexiti.',
  receiptTransaction: 'Transaction number',
  receiptPlan: 'Plan',
  receiptTerm: 'Term',
  receiptAmount: 'Amount financed',
  receiptPayment: 'Monthly payment',
  receiptCredit: 'Credit still available',
  months: (count: number) => `${count} months`,
  newOrder: 'Start a new order',

  eventsHeading: 'Events',
  eventsHint: 'What the elements and this page send, as it happens: the type and the status only, never what the customer types.',
  eventsEmpty: 'No events yet.',
  eventsClear: 'Clear the list',
  eventType: 'Event',
  eventStatus: 'Status',

  personasHeading: 'Sandbox personas to try',
  personasCode: (code: string) => `Every code sent by text message or email is ${code}.`,
  personaNewOntario: 'New customer in Ontario: fill in the sample applicant, agree to the terms and apply.',
  personaNewQuebec: 'New customer in Quebec: the approval shows the debt ratio, then you keep or cancel the account.',
  personaOutcomes: (names: string) => `Applicant last name ${names}: that outcome instead of an approval.`,
  personaJohn: (answer: string) => `Every way to verify works; security answer “${answer}”.`,
  personaMorley: 'Several accounts: the one with the most credit is used.',
  personaFrozen: 'Frozen account: no purchase possible.',
  personaNoOverride: 'The store override is not allowed for this account.',
  personaCard: 'card',
  personaBorn: 'born',
  fullDocs: 'Every persona: src/server/PERSONAS.md',
} as const;

type Dictionary = { readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const fr: Dictionary = {
  documentTitle: 'Paiement · Maple & Birch Maison (démo du bac à sable Flexiti)',
  banner: 'Un magasin de démonstration sur le bac à sable Flexiti : aucun crédit réel, aucun argent réel, rien ne quitte cet ordinateur.',
  language: 'Langue',
  skipToCheckout: 'Aller au paiement',

  cartHeading: 'Votre panier',
  item: 'Article',
  quantity: 'Qté',
  price: 'Prix',
  itemTable: 'Table à manger en chêne',
  itemChair: 'Chaise de salle à manger',
  itemDelivery: 'Livraison',
  total: 'Total',
  payWithFlexiti: 'Payer avec Flexiti',

  chooseHeading: 'Payer avec Flexiti',
  chooseLead: 'Payez par versements grâce au financement Flexiti.',
  chooseNew: 'Demander un compte Flexiti',
  chooseNewHint: 'Nouveau client : faites une demande en quelques minutes et payez par versements.',
  chooseExisting: "J'ai déjà un compte Flexiti",
  chooseExistingHint: 'Trouvez votre compte avec votre nom et votre date de naissance, ou votre numéro de carte.',
  backToCart: 'Retour au panier',
  back: 'Retour',

  applyHeading: 'Demande de financement Flexiti',
  sampleApplicant: 'Remplir avec un exemple de demandeur',
  sampleOntario: 'Ontario',
  sampleQuebec: 'Québec',
  continueToPlan: 'Choisir un plan de paiement',
  findMyAccount: 'Trouver mon compte',
  otherPayment: 'Choisir un autre mode de paiement',

  lookupHeading: 'Trouver votre compte Flexiti',
  lookupBy: 'Rechercher avec',
  lookupByName: 'Nom et date de naissance',
  lookupByCard: 'Numéro de carte',
  firstName: 'Prénom',
  lastName: 'Nom de famille',
  dob: 'Date de naissance',
  dobHint: 'AAAA-MM-JJ, par exemple 1990-05-31.',
  postalCode: 'Code postal (facultatif)',
  postalHint: 'Précise la recherche, par exemple M5M 1M1.',
  cardNumber: 'Numéro de carte Flexiti',
  cardHint: '16 chiffres, au recto de la carte.',
  cardInvalid: 'Entrez les 16 chiffres du numéro de carte.',
  lookupSubmit: 'Trouver mon compte',
  lookupBusy: 'Recherche du compte…',
  lookupFailed: "Nous n'avons pas trouvé le compte",
  errorPrefix: 'Erreur :',

  planHeading: 'Choisissez comment payer',
  planPurchase: 'Achat',
  planCredit: 'Crédit disponible',
  planContinue: 'Continuer',
  planRequired: 'Choisissez un plan et une durée pour continuer.',

  verifyHeading: 'Confirmez votre identité pour payer',
  verifyNewCustomer: 'Nous enverrons un code au numéro de téléphone ou à l’adresse courriel de votre demande.',
  verifyPaying: 'Confirmation de votre achat…',
  changePlan: 'Changer de plan',
  purchaseFailed: "L'achat n'a pas été accepté",

  receiptHeading: 'Merci! Votre achat est approuvé',
  receiptLead: 'Flexiti vous enverra une confirmation.',
  receiptTransaction: 'Numéro de transaction',
  receiptPlan: 'Plan',
  receiptTerm: 'Durée',
  receiptAmount: 'Montant financé',
  receiptPayment: 'Versement mensuel',
  receiptCredit: 'Crédit encore disponible',
  months: (count: number) => `${count} mois`,
  newOrder: 'Commencer une nouvelle commande',

  eventsHeading: 'Événements',
  eventsHint: 'Ce que les éléments et cette page envoient, au fur et à mesure : le type et le statut seulement, jamais ce que le client tape.',
  eventsEmpty: 'Aucun événement pour le moment.',
  eventsClear: 'Effacer la liste',
  eventType: 'Événement',
  eventStatus: 'Statut',

  personasHeading: 'Profils du bac à sable à essayer',
  personasCode: (code: string) => `Tout code envoyé par texto ou par courriel est ${code}.`,
  personaNewOntario: "Nouveau client en Ontario : remplissez avec l'exemple de demandeur, acceptez les conditions et faites la demande.",
  personaNewQuebec: "Nouveau client au Québec : l'approbation montre le ratio d'endettement, puis vous gardez ou annulez le compte.",
  personaOutcomes: (names: string) => `Nom de famille du demandeur ${names} : ce résultat au lieu d'une approbation.`,
  personaJohn: (answer: string) => `Toutes les façons de vérifier fonctionnent; réponse de sécurité « ${answer} ».`,
  personaMorley: 'Plusieurs comptes : celui qui a le plus de crédit est utilisé.',
  personaFrozen: 'Compte gelé : aucun achat possible.',
  personaNoOverride: "La dérogation du magasin n'est pas permise pour ce compte.",
  personaCard: 'carte',
  personaBorn: 'né(e) le',
  fullDocs: 'Tous les profils : src/server/PERSONAS.md',
};

const dictionaries: Record<Locale, Dictionary> = { 'en-CA': en, 'fr-CA': fr };

/** The demo's words in `locale`. */
export function words(locale: Locale): Dictionary {
  return dictionaries[locale];
}

const moneyFormats = new Map<Locale, Intl.NumberFormat>();

export function money(amount: number, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' });
    moneyFormats.set(locale, format);
  }
  return format.format(amount);
}
