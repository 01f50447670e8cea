// The page's only script: ask your server for the order's checkout, then listen for the end of the journey.
const element = document.querySelector('flexiti-checkout');
const orderId = element.getAttribute('order-id');
const status = document.querySelector('#order-status');

const created = await fetch(`/orders/${encodeURIComponent(orderId)}/flexiti`, { method: 'POST' });
if (created.ok) {
  const { checkout } = await created.json();
  element.setAttribute('checkout', checkout);
} else {
  status.textContent = 'This order cannot be paid with Flexiti. Choose another way to pay.';
}

// {orderId, status: 'purchased' | 'declined' | 'pending' | 'cancelled', transaction_id?}: no PII, no code.
// Never fulfil on it: ask your server, which onPurchase told.
element.addEventListener('flexiti-checkout-complete', async () => {
  const order = await (await fetch(`/orders/${encodeURIComponent(orderId)}`)).json();
  status.textContent =
    order.status === 'paid'
      ? `Order ${orderId} is paid. Thank you!`
      : 'Not paid with Flexiti: choose another way to pay.';
});
