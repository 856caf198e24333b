'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';
import { navIcons } from '@/components/shell/nav-icons';
import { isCurrentNavItem, type NavSection } from '@/components/shell/navigation';

type NavListProps = {
  sections: readonly NavSection[];
  /** Called after a link is followed (the mobile sheet closes itself). */
  onNavigate?: () => void;
};

/** The navigation links by section; the current page is marked with aria-current. */
export function NavList({ sections, onNavigate }: NavListProps) {
  const pathname = usePathname();
  return (
    <div className="flex flex-col gap-5">
      {sections.map((section, index) => (
        <div key={section.title ?? index} className="flex flex-col gap-1">
          {section.title && <p className="px-3 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{section.title}</p>}
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const Icon = navIcons[item.icon];
              const current = isCurrentNavItem(item, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    onClick={onNavigate}
                    className={cn(
                      'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
                      current && 'bg-sidebar-accent text-sidebar-accent-foreground',
                    )}
                  >
                    <Icon aria-hidden className={cn('size-4 shrink-0', current ? 'text-primary' : 'text-muted-foreground')} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
