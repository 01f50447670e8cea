import type { ReactNode } from 'react';

export const metadata = { title: 'flexiti-elements on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-CA">
      <body>{children}</body>
    </html>
  );
}
