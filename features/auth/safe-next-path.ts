/** Where to go after signing in: a path of this site only (never `//host` or a URL), else the home page. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
