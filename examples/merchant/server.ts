// A whole merchant integration on one Node server (Hono): your order, its checkout, the page, the purchase.
// Run it: `npm install flexiti-elements hono @hono/node-server tsx`, then `npx tsx server.ts`, and open
// http://127.0.0.1:3000/. Without credentials it runs on the in-memory sandbox: John Doe, born 1974-05-15, and
// every code is 2222.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createFlexitiClient, createFlexitiHandler, createSandbox } from 'flexiti-elements/server';

interface Order {
  id: string;
  total: number;
  status: 'unpaid' | 'paid';
  transactionId?: string;
}

// Your orders (your database in a real shop). The amount is yours: the page never sends it.
const orders = new Map<string, Order>([['A-1042', { id: 'A-1042', total: 1299.99, status: 'unpaid' }]]);

/** Flexiti's POS API with your credentials or, without them, the in-memory sandbox. */
function flexitiClient() {
  const env = process.env;
  if (env.FLEXITI_CLIENT_ID) {
    return createFlexitiClient({
      baseUrl: env.FLEXITI_BASE_URL!, // e.g. https://…/flexiti/pos-api/v2.5
      clientId: env.FLEXITI_CLIENT_ID,
      clientSecret: env.FLEXITI_CLIENT_SECRET!,
      merchantUsername: env.FLEXITI_USERNAME!,
      merchantPassword: env.FLEXITI_PASSWORD!,
    });
  }
  const sandbox = createSandbox();
  return createFlexitiClient({ baseUrl: 'https://sandbox.invalid', ...sandbox.credentials, fetch: sandbox.fetch });
}

const flexiti = createFlexitiHandler({
  client: flexitiClient(),
  basePath: '/api/flexiti',
  // Runs once per purchase, on the server: the only place an order becomes paid.
  onPurchase: (checkout, transaction) => {
    const order = orders.get(checkout.orderId);
    if (order) Object.assign(order, { status: 'paid', transactionId: transaction.transactionId });
  },
});

const app = new Hono();
// The elements' requests: the handler checks each against the checkout and calls Flexiti itself.
app.all('/api/flexiti/*', (c) => flexiti.fetch(c.req.raw));

// Per order: a checkout for the order's total; the page gets only its id.
app.post('/orders/:id/flexiti', async (c) => {
  const order = orders.get(c.req.param('id'));
  if (!order) return c.json({ error: 'unknown_order' }, 404);
  if (order.status === 'paid') return c.json({ error: 'already_paid' }, 409);
  const { id } = await flexiti.createCheckout({ orderId: order.id, amount: order.total, channel: 'online' });
  return c.json({ checkout: id });
});

// What the page shows at the end comes from here, never from the browser's event.
app.get('/orders/:id', (c) => {
  const order = orders.get(c.req.param('id'));
  return order ? c.json({ id: order.id, status: order.status }) : c.json({ error: 'unknown_order' }, 404);
});

// The elements' script (with the chunks beside it), and the page.
const cdn = join(dirname(createRequire(import.meta.url).resolve('flexiti-elements/package.json')), 'dist/cdn');
app.use('/assets/*', serveStatic({ root: cdn, rewriteRequestPath: (path) => path.slice('/assets'.length) }));
const here = dirname(fileURLToPath(import.meta.url));
app.get('/checkout.js', async (c) =>
  c.body(await readFile(join(here, 'checkout.js'), 'utf8'), 200, { 'content-type': 'text/javascript' }),
);
app.get('/', async (c) => c.html(await readFile(join(here, 'index.html'), 'utf8')));

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 3000) }, ({ port }) =>
  console.log(`Checkout for order A-1042: http://127.0.0.1:${port}/`),
);
