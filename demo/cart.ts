/**
 * Maple & Birch's cart, as the merchant's server knows it: the amount of each checkout is computed here, on the
 * server (scripts/demo-backend.ts), never taken from the browser. The page only shows what the server answered.
 */
export interface CartLine {
  /** The item's name key in demo/i18n.ts. */
  readonly key: 'itemTable' | 'itemChair' | 'itemDelivery';
  readonly quantity: number;
  readonly unitPrice: number;
}

export const CART: readonly CartLine[] = [
  { key: 'itemTable', quantity: 1, unitPrice: 1199 },
  { key: 'itemChair', quantity: 4, unitPrice: 99 },
  { key: 'itemDelivery', quantity: 1, unitPrice: 49 },
];

export const CART_TOTAL = CART.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);

/** What `POST /demo/checkout` answers: the new checkout's id and the cart it is for. */
export interface DemoCheckout {
  checkout: string;
  expiresAt: number;
  orderId: string;
  cart: { lines: CartLine[]; total: number };
  /** Whether this server answers {@link DEMO_RESET_PATH} (development only). */
  canReset: boolean;
}

/** The merchant's own route that creates a checkout for the cart (a merchant's server would have one like it). */
export const DEMO_CHECKOUT_PATH = '/demo/checkout';

/** Development only: puts the sandbox back to its seed (`npm start`; the hosted demo has no such route). */
export const DEMO_RESET_PATH = '/demo/reset';
