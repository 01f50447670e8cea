/**
 * The model layer of flexiti-elements (`flexiti-elements/model`): everything in browser.ts, plus the zod schemas
 * for every POS API request and response and the apply body's schema checks, for the server and for bundlers.
 * The schemas are built on first use, so importing one validator from here costs no zod.
 * No DOM, no Lit: the browser bundle and the server both import it.
 */
export * from './browser.js';
export {
  idSchema,
  amountSchema,
  termSchema,
  optionMapSchema,
  offerTypeSchema,
  formValuesSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
  oauthErrorSchema,
  merchantLoginRequestSchema,
  merchantLoginResponseSchema,
  langSchema,
  termsQuerySchema,
  termsResponseSchema,
  applyResponseSchema,
  lookupQuerySchema,
  lookupResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
  customerTransactionSchema,
  customerTransactionsResponseSchema,
  searchQuerySchema,
  searchAccountSchema,
  searchResponseSchema,
  licenseRequestSchema,
  licenseResponseSchema,
  closeAccountRequestSchema,
  closeAccountResponseSchema,
  transactionRequestSchema,
  accountAvsSchema,
  purchaseTransactionResponseSchema,
  paymentTransactionResponseSchema,
  transactionResponseSchema,
  flexitiErrorBodySchema,
  finixErrorBodySchema,
} from './schemas.js';
export { applyRequestSchema, applyFieldErrors, schemaFieldErrors } from './apply.js';
