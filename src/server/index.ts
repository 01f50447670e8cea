/**
 * flexiti-elements/server: for the merchant's backend (Node 20+, edge runtimes). A typed POS API client on ky,
 * a Fetch-style handler serving what the elements ask for, a Node adapter, and the sandbox (an in-memory POS
 * API with documented test personas, see PERSONAS.md).
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
export { createRedisStore, type RedisStoreOptions } from './checkout/redis-store.js';
export { serveNode, type FetchTarget, type NodeServer, type ServeNodeOptions } from './node.js';
export type { FlexitiErrorBody as FlexitiErrorResponseBody, FlexitiFieldError, FlexitiOAuthErrorBody } from './http.js';
export * from './sandbox/index.js';
