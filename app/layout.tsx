import type { ReactNode } from 'react';
import '@fontsource-variable/inter';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata = { title: 'Paygate — payment notification gateway' };
export const viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
