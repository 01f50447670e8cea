/**
 * The demo page's own text, in both languages. The elements carry their own translations (@lit/localize);
 * this small dictionary is all a host page needs for the words around them.
 */
import { formatMoney } from '../src/internal/format.js';

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
  orderNumber: 'Order',
  orderLoading: 'Preparing your order…',
  orderFailed: "We couldn't prepare your order. Check your connection and try again.",
  tryAgain: 'Try again',
  checkoutLabel: 'Payment',
  otherPaymentNote: 'This demo store has no other way to pay: start a new order to try another persona.',
  newOrder: 'Start a new order',

  sampleApplicant: 'Fill in a sample applicant',
  sampleOntario: 'Ontario',
  sampleQuebec: 'Quebec',

  eventsHeading: 'Events',
  eventsHint:
    'What the elements and this page send, as it happens: the type and the status only, never what the customer types.',
  eventsEmpty: 'No events yet.',
  eventsClear: 'Clear the list',

  personasHeading: 'Sandbox personas to try',
  personasCode: (code: string) => `Every code sent by text message or email is ${code}.`,
  personaNewOntario:
    'New customer in Ontario: choose “Apply”, fill in the sample applicant, agree to the terms and apply.',
  personaNewQuebec: 'New customer in Quebec: the approval shows the debt ratio, then you keep or cancel the account.',
  personaOutcomes: (names: string) => `Applicant last name ${names}: that outcome instead of an approval.`,
  personaJohn: (answer: string) => `Every way to verify works; security answer “${answer}”.`,
  personaMorley: 'Several accounts: the one with the most credit is used.',
  personaFrozen: 'Frozen account: no purchase possible.',
  personaNoOverride: 'The store override is not allowed for this account.',
  personaCard: 'card',
  personaBorn: 'born',
  fullDocs: 'Every persona: src/server/PERSONAS.md',
  resetSandbox: 'Reset the sandbox',
  resetDone: 'The sandbox is back to its starting accounts and balances. A new order has started.',
  resetFailed: "The sandbox couldn't be reset. Try again.",
} as const;

type Dictionary = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const fr: Dictionary = {
  documentTitle: 'Paiement · Maple & Birch Maison (démo du bac à sable Flexiti)',
  banner:
    'Un magasin de démonstration sur le bac à sable Flexiti : aucun crédit réel, aucun argent réel, rien ne quitte cet ordinateur.',
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
  orderNumber: 'Commande',
  orderLoading: 'Préparation de votre commande…',
  orderFailed: "Nous n'avons pas pu préparer votre commande. Vérifiez votre connexion et réessayez.",
  tryAgain: 'Réessayer',
  checkoutLabel: 'Paiement',
  otherPaymentNote:
    "Ce magasin de démonstration n'offre pas d'autre mode de paiement : commencez une nouvelle commande pour essayer un autre profil.",
  newOrder: 'Commencer une nouvelle commande',

  sampleApplicant: 'Remplir avec un exemple de demandeur',
  sampleOntario: 'Ontario',
  sampleQuebec: 'Québec',

  eventsHeading: 'Événements',
  eventsHint:
    'Ce que les éléments et cette page envoient, au fur et à mesure : le type et le statut seulement, jamais ce que le client tape.',
  eventsEmpty: 'Aucun événement pour le moment.',
  eventsClear: 'Effacer la liste',

  personasHeading: 'Profils du bac à sable à essayer',
  personasCode: (code: string) => `Tout code envoyé par texto ou par courriel est ${code}.`,
  personaNewOntario:
    "Nouveau client en Ontario : choisissez « Demander », remplissez avec l'exemple de demandeur, acceptez les conditions et faites la demande.",
  personaNewQuebec:
    "Nouveau client au Québec : l'approbation montre le ratio d'endettement, puis vous gardez ou annulez le compte.",
  personaOutcomes: (names: string) => `Nom de famille du demandeur ${names} : ce résultat au lieu d'une approbation.`,
  personaJohn: (answer: string) => `Toutes les façons de vérifier fonctionnent; réponse de sécurité « ${answer} ».`,
  personaMorley: 'Plusieurs comptes : celui qui a le plus de crédit est utilisé.',
  personaFrozen: 'Compte gelé : aucun achat possible.',
  personaNoOverride: "La dérogation du magasin n'est pas permise pour ce compte.",
  personaCard: 'carte',
  personaBorn: 'né(e) le',
  fullDocs: 'Tous les profils : src/server/PERSONAS.md',
  resetSandbox: 'Réinitialiser le bac à sable',
  resetDone: 'Le bac à sable a retrouvé ses comptes et ses soldes de départ. Une nouvelle commande a commencé.',
  resetFailed: "Le bac à sable n'a pas pu être réinitialisé. Réessayez.",
};

const dictionaries: Record<Locale, Dictionary> = { 'en-CA': en, 'fr-CA': fr };

/** The demo's words in `locale`. */
export function words(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Amounts as the elements write them (one formatter per locale, shared with them). */
export const money = formatMoney;
