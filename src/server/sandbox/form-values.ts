/**
 * The sandbox merchant's `merchants/login` data: the seed's `form_values` verbatim for `lang=en`, and the same
 * keys with French labels for `lang=fr`. Option keys and their order never change between languages.
 */

export type SandboxLang = 'en' | 'fr';

/** A plan the sandbox merchant offers (`form_values.offer_types[]`). */
export interface SandboxOffer {
  plan_name: string;
  term_options: number[];
  plan_id: string;
  offer_category: 'equal_billing' | 'deferred_payment';
}

export interface SandboxFormValues {
  salutation: { options: Record<string, string> };
  province: { options: Record<string, string> };
  security_qid: { options: Record<string, string> };
  govid_type: { options: Record<string, string> };
  govid_issued_by: { option_depends: Record<string, Record<string, string>> };
  offer_types: SandboxOffer[];
}

export const SANDBOX_MERCHANT = { merchant_name: 'European Restorations', merchant_id: '382' } as const;

const PROVINCES_EN: Record<string, string> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland & Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon Territory',
};

const PROVINCES_FR: Record<string, string> = {
  AB: 'Alberta',
  BC: 'Colombie-Britannique',
  MB: 'Manitoba',
  NB: 'Nouveau-Brunswick',
  NL: 'Terre-Neuve-et-Labrador',
  NS: 'Nouvelle-Écosse',
  NT: 'Territoires du Nord-Ouest',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Île-du-Prince-Édouard',
  QC: 'Québec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};

/** Which issuers each government ID type allows, as province/`CANADA` codes (labels filled per language). */
const ISSUERS: Record<string, string[]> = {
  CADL: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  CAHC: ['BC', 'NB', 'NL', 'NT', 'NU', 'QC', 'SK', 'YT'],
  CAPID: ['ON'],
  CAP: ['CANADA'],
  CAPRC: ['CANADA'],
  CAICBC: ['BC'],
  CAAR: ['AB'],
  CASGI: ['SK'],
  CADSNS: ['NS'],
  CADPPEI: ['PE'],
  CASNB: ['NB'],
  CADGSNF: ['NL'],
  CADTNW: ['NT'],
  CADCTN: ['NU'],
  CACSC: ['CANADA'],
  CAGCEC: ['CANADA'],
  CALCB: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  CACFL: ['CANADA'],
  CACFID: ['CANADA'],
  CAMPIC: ['MB'],
  CACAID: ['CANADA'],
};

const GOVID_TYPES: Record<SandboxLang, Record<string, string>> = {
  en: {
    CADL: "Driver's Licence",
    CAHC: 'Health Card',
    CAPID: 'Provincial ID Card',
    CAP: 'Passport',
    CAPRC: 'Permanent Resident Card',
    CAICBC: 'Insurance Corporation of British Columbia',
    CAAR: 'Alberta Registries',
    CASGI: 'Saskatchewan Government Insurance',
    CADSNS: 'Department of Service Nova Scotia and Municipal Relations',
    CADPPEI: 'Department of Transportation and Public Works of the Province of Prince Edward Island',
    CASNB: 'Service New Brunswick',
    CADGSNF: 'Department of Government Services and Lands of the Province of Newfoundland and Labrador',
    CADTNW: 'Department of Transportation of the Northwest Territories',
    CADCTN: 'Department of Community Government and Transportation of the Territory of Nunavut',
    CACSC: "Correctional Service Canada identification card (with the individual's name and photograph)",
    CAGCEC: "Government of Canada employee identity card (with the individual's name and photograph)",
    CALCB: 'Liquor Control Board Age of Majority (BYID) card',
    CACFL: 'Canadian Firearms licence',
    CACFID: 'Canadian Forces identification card',
    CAMPIC: 'MPIC card issued by the Manitoba Public Insurance Corporation',
    CACAID: 'NEXUS or CANPASS Air membership card (issued by Canada Border Services Agency)',
  },
  fr: {
    CADL: 'Permis de conduire',
    CAHC: "Carte d'assurance maladie",
    CAPID: "Carte d'identité provinciale",
    CAP: 'Passeport',
    CAPRC: 'Carte de résident permanent',
    CAICBC: 'Insurance Corporation of British Columbia',
    CAAR: 'Alberta Registries',
    CASGI: 'Saskatchewan Government Insurance',
    CADSNS: 'Ministère des Services de la Nouvelle-Écosse et des Relations avec les municipalités',
    CADPPEI: "Ministère des Transports et des Travaux publics de l'Île-du-Prince-Édouard",
    CASNB: 'Service Nouveau-Brunswick',
    CADGSNF: 'Ministère des Services gouvernementaux et des Terres de Terre-Neuve-et-Labrador',
    CADTNW: 'Ministère des Transports des Territoires du Nord-Ouest',
    CADCTN: 'Ministère des Services communautaires et gouvernementaux et des Transports du Nunavut',
    CACSC: "Carte d'identité du Service correctionnel du Canada (avec le nom et la photo de la personne)",
    CAGCEC: "Carte d'identité d'employé du gouvernement du Canada (avec le nom et la photo de la personne)",
    CALCB: "Carte d'âge de la majorité (BYID) de la régie des alcools",
    CACFL: "Permis d'armes à feu canadien",
    CACFID: "Carte d'identité des Forces canadiennes",
    CAMPIC: "Carte MPIC délivrée par la Société d'assurance publique du Manitoba",
    CACAID: "Carte de membre NEXUS ou CANPASS Air (délivrée par l'Agence des services frontaliers du Canada)",
  },
};

const SALUTATIONS: Record<SandboxLang, Record<string, string>> = {
  en: { mr: 'Mr.', ms: 'Ms.', mrs: 'Mrs.', mss: 'Miss.' },
  fr: { mr: 'M.', ms: 'Mme', mrs: 'Mme', mss: 'Mlle' },
};

const SECURITY_QUESTIONS: Record<SandboxLang, Record<string, string>> = {
  en: {
    '4': 'What is the name of your favourite childhood friend?',
    '5': 'What is the country of your ultimate dream vacation?',
    '6': 'What was the first concert you attended?',
    '7': 'What is the name of the street you grew up on?',
    '8': 'What is the name of your first grade teacher?',
    '9': 'What is your favourite movie?',
  },
  fr: {
    '4': "Quel est le nom de votre ami d'enfance préféré?",
    '5': 'Quel est le pays de vos vacances de rêve?',
    '6': 'Quel a été le premier concert auquel vous avez assisté?',
    '7': 'Quel est le nom de la rue où vous avez grandi?',
    '8': 'Quel est le nom de votre enseignant de première année?',
    '9': 'Quel est votre film préféré?',
  },
};

/** Plan ids, categories and terms are the seed's; only the names are translated. */
const OFFERS: Array<Omit<SandboxOffer, 'plan_name'> & { names: Record<SandboxLang, string> }> = [
  {
    names: {
      en: '90 Days Grace, Equal Payments Regular Interest',
      fr: "Délai de grâce de 90 jours, versements égaux, au taux d'intérêt courant",
    },
    term_options: [18, 36, 48, 72],
    plan_id: '1',
    offer_category: 'equal_billing',
  },
  {
    names: { en: 'Equal Payments, Low Interest', fr: 'Versements égaux, faible intérêt' },
    term_options: [3, 6, 40, 60],
    plan_id: '2',
    offer_category: 'equal_billing',
  },
  {
    names: { en: 'Equal Payments, Regular Interest', fr: "Versements égaux, au taux d'intérêt courant" },
    term_options: [3, 6, 18, 36, 72],
    plan_id: '4',
    offer_category: 'equal_billing',
  },
  {
    names: { en: 'Equal Payments, No Interest', fr: 'Versements égaux, sans intérêt' },
    term_options: [3, 6, 10, 20, 30, 40],
    plan_id: '5',
    offer_category: 'equal_billing',
  },
  {
    names: { en: 'No Interest, No Payments (S.A.C.)', fr: 'Sans intérêt, sans paiement' },
    term_options: [3, 6, 8],
    plan_id: '6',
    offer_category: 'deferred_payment',
  },
  {
    // The trailing space is the seed's own.
    names: { en: 'No Interest, No Payments ', fr: 'Sans intérêt, sans paiement' },
    term_options: [3, 12],
    plan_id: '7',
    offer_category: 'deferred_payment',
  },
  {
    names: { en: 'No Interest, Minimum monthly payments', fr: 'Sans intérêt, paiements mensuels minimaux' },
    term_options: [3, 6, 9, 12, 18],
    plan_id: '9',
    offer_category: 'deferred_payment',
  },
];

export function sandboxOffers(lang: SandboxLang): SandboxOffer[] {
  return OFFERS.map(({ names, ...offer }) => ({
    plan_name: names[lang],
    ...offer,
    term_options: [...offer.term_options],
  }));
}

export function sandboxFormValues(lang: SandboxLang): SandboxFormValues {
  const provinces = lang === 'fr' ? PROVINCES_FR : PROVINCES_EN;
  const issuerLabel = (code: string): string => (code === 'CANADA' ? 'Canada' : provinces[code]!);
  const optionDepends: Record<string, Record<string, string>> = {};
  for (const [type, issuers] of Object.entries(ISSUERS)) {
    optionDepends[type] = Object.fromEntries(issuers.map((code) => [code, issuerLabel(code)]));
  }
  return {
    salutation: { options: { ...SALUTATIONS[lang] } },
    province: { options: { ...provinces } },
    security_qid: { options: { ...SECURITY_QUESTIONS[lang] } },
    govid_type: { options: { ...GOVID_TYPES[lang] } },
    govid_issued_by: { option_depends: optionDepends },
    offer_types: sandboxOffers(lang),
  };
}

export function securityQuestionText(id: string, lang: SandboxLang): string | undefined {
  return SECURITY_QUESTIONS[lang][id];
}

export const PROVINCE_CODES = Object.keys(PROVINCES_EN);
