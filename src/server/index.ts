/**
 * flexiti-elements/server: for the merchant's backend on any runtime with `fetch`, `Request` and `Response`
 * (Node 20+, Bun, Deno, edge workers). A typed POS API client on ky and a Fetch-style handler serving what the
 * elements ask for. Nothing here imports a Node built-in (test/dist/edge-bundle.test.ts bundles it for a worker).
 *
 * The Node adapter is `flexiti-elements/server/node` (`serveNode`), the Redis checkout store (ioredis, TCP) is
 * `flexiti-elements/server/redis` (`createRedisStore`); the sandbox, an in-memory POS API with
 * documented test personas (see PERSONAS.md), is `flexiti-elements/sandbox` and, for compatibility, re-exported
 * here (it is plain Fetch code too).
 */
export {
  createFlexitiClient,
  FlexitiClientError,
  GET_RETRY_MAX_WAIT_MS,
  redactErrorBody,
  type CallOptions,
  type FetchLike,
  type FlexitiClient,
  type FlexitiClientOptions,
  type Lang,
  type LookupQueryInput,
  type TransactionRequestInput,
  type VerifyBody,
} from './client.js';
export {
  createFlexitiHandler,
  type FlexitiHandler,
  type FlexitiHandlerOptions,
  type PrivilegedAction,
  type RequestInfo,
} from './handler.js';
export { CheckoutInputError, type CheckoutState, type CreateCheckoutInput } from './checkout/checkouts.js';
export { DEFAULT_LIMITS, type CheckoutLimits, type Limit } from './checkout/limits.js';
export {
  CheckoutStoreError,
  type AllowedPlan,
  type PlanCostTerms,
  type BoundCustomer,
  type CheckoutChannel,
  type CheckoutRecord,
  type CheckoutStatus,
  type CheckoutStore,
  type CheckoutTransaction,
  type CheckoutVerification,
  type LimiterOptions,
} from './checkout/store.js';
export { createMemoryStore, type MemoryStoreOptions } from './checkout/memory-store.js';
export type { FlexitiErrorBody as FlexitiErrorResponseBody, FlexitiFieldError, FlexitiOAuthErrorBody } from './http.js';
export * from './sandbox/index.js';
