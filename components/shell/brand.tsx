import { WebhookIcon } from 'lucide-react';
import Link from 'next/link';

/** The product name and which side of it this is ("Staff console", "Merchant portal"), linking home. */
export function Brand({ href, area }: { href: string; area: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <WebhookIcon className="size-4" />
      </span>
      <span className="flex flex-col leading-tight">
        <span className="text-sm font-semibold">Paygate</span>
        <span className="text-xs text-muted-foreground">{area}</span>
      </span>
    </Link>
  );
}
