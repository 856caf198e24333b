'use client';

import { MenuIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { NavList } from '@/components/shell/nav-list';
import type { NavSection } from '@/components/shell/navigation';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';

/** The navigation in a sheet from the left, behind a menu button, below the large breakpoint. */
export function MobileNav({ sections, brand }: { sections: readonly NavSection[]; brand: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation">
          <MenuIcon />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 bg-sidebar p-0">
        <SheetHeader className="border-b">
          <SheetTitle asChild>
            <div>{brand}</div>
          </SheetTitle>
          <SheetDescription className="sr-only">Pages</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main" className="px-3 pb-6">
          <NavList sections={sections} onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}
