import type { ReactNode } from 'react';
import { Brand } from '@/components/shell/brand';
import { MobileNav } from '@/components/shell/mobile-nav';
import { NavList } from '@/components/shell/nav-list';
import type { NavSection } from '@/components/shell/navigation';
import { SkipLink } from '@/components/shell/skip-link';

type AppShellProps = {
  /** `navigationForRole(staffNavigation, role)` or the portal's; plain data, so a server layout can pass it. */
  navigation: readonly NavSection[];
  /** "Staff console" or "Merchant portal", under the product name. */
  area: string;
  /** Where the product name links (the area's home). */
  homeHref: string;
  /** The header's right side: the live-connection indicator (`ConnectionStatus`), then the signed-in user's menu. */
  status?: ReactNode;
  userMenu?: ReactNode;
  /** A notice across the top of every page (a blocked merchant's banner). */
  notice?: ReactNode;
  children: ReactNode;
};

/**
 * The frame of every signed-in page: sidebar navigation (a sheet on a phone), a header with the live indicator and
 * the user menu, a skip link, and `<main id="main">` for the page. Pages put a `PageHeader` first.
 */
export function AppShell({ navigation, area, homeHref, status, userMenu, notice, children }: AppShellProps) {
  const brand = <Brand href={homeHref} area={area} />;
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <SkipLink />
      <aside className="sticky top-0 hidden h-dvh flex-col gap-6 overflow-y-auto border-r border-sidebar-border bg-sidebar px-3 py-4 lg:flex">
        <div className="px-2">{brand}</div>
        <nav aria-label="Main">
          <NavList sections={navigation} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:px-4 lg:px-8">
          <MobileNav sections={navigation} brand={brand} />
          <div className="lg:hidden">{brand}</div>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            {status}
            {userMenu}
          </div>
        </header>
        {notice && <div className="px-3 pt-4 sm:px-4 lg:px-8">{notice}</div>}
        <main id="main" tabIndex={-1} className="w-full max-w-screen-2xl flex-1 px-3 py-6 outline-none sm:px-4 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
