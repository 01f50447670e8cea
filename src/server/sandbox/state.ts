/**
 * What the sandbox remembers: accounts (seeded, then applied for), tokens, transactions and the idempotency
 * keys it has answered. The routes (`routes/*.ts`) read and change it through {@link SandboxWorld}; tests and
 * tools read the public {@link SandboxState}.
 */
import { formValuesSchema, todayLocal, type FormValues } from '../../model/index.js';
import { sandboxFormValues } from './form-values.js';
import { SANDBOX_SMS_CODE, SEED_ACCOUNTS, type SeedAccount } from './personas.js';

/** The seed's example credentials: what the sandbox accepts unless told otherwise. */
export const SANDBOX_CREDENTIALS = {
  clientId: 'flexitidemo',
  clientSecret: '77fde15a-9d33-4e15-930a-76e4b3ae33e9',
  merchantUsername: 'merchantonline',
  merchantPassword: 'dice-manila-purism',
} as const;

export interface SandboxOptions {
  /** Milliseconds since the epoch; inject a fake clock to expire tokens and locks in tests. Default `Date.now`. */
  clock?: () => number;
  clientId?: string;
  clientSecret?: string;
  merchantUsername?: string;
  merchantPassword?: string;
  /** Access-token lifetime (`expires_in`), seconds. Default 1200, as Flexiti. */
  tokenLifetimeSeconds?: number;
  /** Largest request body accepted, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

export type SandboxCredentials = Required<
  Pick<SandboxOptions, 'clientId' | 'clientSecret' | 'merchantUsername' | 'merchantPassword'>
>;

/** An issued access token. The refresh token works only while the access token is unexpired (as Flexiti). */
export interface SandboxToken {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

export const TRANSACTION_TYPES = [
  'promotional_purchase',
  'regular_purchase',
  'deposit',
  'instore_payment',
  'tradein',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];
export const PAYMENT_TYPES: readonly TransactionType[] = ['instore_payment', 'tradein'];

/** A transaction on an account: seeded history or an accepted POST /transactions. */
export interface SandboxTransaction {
  transaction_id: string;
  customer_id: string;
  account_number: string;
  transaction_type: TransactionType;
  amount: number;
  plan_id?: string;
  plan_name: string;
  term?: number;
  status: 'Posted' | 'Pending' | 'Authorized';
  /** `YYYY/MM/DD`, as Flexiti lists them. */
  date: string;
  /** Clock time of the post (0 for seeded history). */
  at: number;
}

/** An account in the sandbox, with its live balance and verification state. */
export interface SandboxAccount extends Omit<SeedAccount, 'transactions' | 'purpose'> {
  transactions: SandboxTransaction[];
  /** The code the last successful verification issued; one purchase consumes it. */
  verification?: { code: string; expiresAt: number };
  securityFailures: number;
  securityLockedUntil?: number;
  /** True for accounts created by POST /apply. */
  applied: boolean;
}

/** One request the sandbox answered: the route's name, never its path or body (no PII). */
export interface SandboxRequestRecord {
  method: string;
  route: string;
  status: number;
}

export interface SandboxState {
  /** Every account, by `customer_id`. */
  readonly accounts: Map<string, SandboxAccount>;
  /** Accepted POST /transactions, in order; a replay with the same idempotency key is not recorded again. */
  readonly transactions: SandboxTransaction[];
  /** Outcome of each POST /apply that passed validation (`approved` or the error code). */
  readonly applications: Array<{ at: number; outcome: string; customer_id?: string }>;
  readonly tokens: Map<string, SandboxToken>;
  /** Every request answered, in order. */
  readonly requests: SandboxRequestRecord[];
  /** Invalidates every access and refresh token (the next call gets `401 invalid_token`). */
  revokeTokens(): void;
  /** The account with this customer id, account number or card number. */
  findAccount(id: string): SandboxAccount | undefined;
  /**
   * Back to the seed: the seeded accounts with their seeded balances, no applied-for accounts, no transactions,
   * applications or idempotency keys. Tokens and the request log stay (a connected client keeps working), and
   * new ids keep counting up, so an id handed out before the reset never names a different account after it.
   */
  reset(): void;
}

/** The sandbox as its routes see it: the public state plus what only the routes touch. */
export interface SandboxWorld {
  readonly state: SandboxState;
  readonly credentials: SandboxCredentials;
  /** Access-token lifetime, seconds. */
  readonly tokenLifetime: number;
  readonly maxBodyBytes: number;
  /** The English form values, parsed once: what POST /apply validates choices against. */
  readonly formValuesEn: FormValues;
  readonly refreshTokens: Map<string, SandboxToken>;
  /** Answers already given, by `x-idempotency-key`. */
  readonly idempotent: Map<string, { status: number; body: unknown }>;
  /** The next applied-for account's serial (customer id 60001, 60002…). */
  nextCustomer(): number;
  /** The next transaction id (170001, 170002…). */
  nextTransaction(): string;
}

export function accountFromSeed(seed: SeedAccount): SandboxAccount {
  const { transactions = [], purpose: _purpose, ...account } = seed;
  return {
    ...account,
    security_answers: { ...account.security_answers },
    transactions: transactions.map((t) => ({
      transaction_id: t.transaction_id,
      customer_id: seed.customer_id,
      account_number: seed.account_number,
      transaction_type: 'promotional_purchase',
      amount: t.amount,
      plan_name: t.plan_name,
      term: Number(t.term),
      status: 'Posted',
      date: t.date,
      at: 0,
    })),
    securityFailures: 0,
    applied: false,
  };
}

export function createWorld(options: SandboxOptions = {}): SandboxWorld {
  const credentials: SandboxCredentials = {
    clientId: options.clientId ?? SANDBOX_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_CREDENTIALS.clientSecret,
    merchantUsername: options.merchantUsername ?? SANDBOX_CREDENTIALS.merchantUsername,
    merchantPassword: options.merchantPassword ?? SANDBOX_CREDENTIALS.merchantPassword,
  };
  const accounts = new Map<string, SandboxAccount>();
  const seedAccounts = () => {
    accounts.clear();
    for (const seed of SEED_ACCOUNTS) accounts.set(seed.customer_id, accountFromSeed(seed));
  };
  seedAccounts();
  const tokens = new Map<string, SandboxToken>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let customerSerial = 60001;
  let transactionSerial = 170001;

  const state: SandboxState = {
    accounts,
    transactions: [],
    applications: [],
    tokens,
    requests: [],
    revokeTokens() {
      for (const token of tokens.values()) token.revoked = true;
    },
    findAccount(id) {
      const wanted = id.trim();
      if (!wanted) return undefined;
      return (
        accounts.get(wanted) ??
        [...accounts.values()].find((account) => account.account_number === wanted || account.vcc_number === wanted)
      );
    },
    reset() {
      seedAccounts();
      state.transactions.length = 0;
      state.applications.length = 0;
      idempotent.clear();
    },
  };

  return {
    state,
    credentials,
    tokenLifetime: options.tokenLifetimeSeconds ?? 1200,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    formValuesEn: formValuesSchema.parse(sandboxFormValues('en')),
    refreshTokens: new Map(),
    idempotent,
    nextCustomer: () => customerSerial++,
    nextTransaction: () => String(transactionSerial++),
  };
}

// ── small pieces the routes share ─────────────────────────────────────────────────────────────────────────────

export const round2 = (value: number) => Math.round(value * 100) / 100;
export const money = (value: number) => round2(value).toFixed(2);
export const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLocaleLowerCase('en-CA') === (b ?? '').trim().toLocaleLowerCase('en-CA');
export const compactPostal = (value: string | undefined) => (value ?? '').replace(/[\s-]/g, '').toUpperCase();

export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A four-digit code that is never the fixed SMS/email code, so a test can tell the methods apart. */
export function randomCode(): string {
  for (;;) {
    const buffer = new Uint16Array(1);
    crypto.getRandomValues(buffer);
    const code = String(1000 + (buffer[0]! % 9000));
    if (code !== SANDBOX_SMS_CODE) return code;
  }
}

/** `YYYY/MM/DD`, as Flexiti lists transactions. */
export function slashDate(now: number): string {
  return todayLocal(new Date(now)).replaceAll('-', '/');
}

/** `MM/DD/YYYY`, as Flexiti gives `creation_date`. */
export function usDate(now: number): string {
  const [year, month, day] = todayLocal(new Date(now)).split('-');
  return `${month}/${day}/${year}`;
}

/** Flexiti refuses purchases and lookups on accounts that are not active and normal. */
export function unusable(account: SandboxAccount): 'user_not_active' | 'user_not_able_to_purchase' | undefined {
  if (!account.active) return 'user_not_active';
  if (account.account_status !== 'N') return 'user_not_able_to_purchase';
  return undefined;
}
