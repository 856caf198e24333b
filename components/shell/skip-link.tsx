/** The first tab stop of every page: jumps past the navigation to the page's content. */
export function SkipLink({ href = '#main' }: { href?: string }) {
  return (
    <a
      href={href}
      className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:outline-none focus:ring-[3px] focus:ring-ring/50"
    >
      Skip to content
    </a>
  );
}
