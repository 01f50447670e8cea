// A server component: it renders the client component, as an App Router page does.
import { Financing } from './financing';

export default function Page() {
  return (
    <main>
      <h1>Checkout</h1>
      <Financing />
    </main>
  );
}
