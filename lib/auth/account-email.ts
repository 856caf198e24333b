/**
 * The address an account is kept under. better-auth's sign-in refuses an email whose domain has no dot, yet the
 * first admin's default is `admin@localhost` (DESIGN §5); such an address is kept with `.localdomain` appended, and
 * every sign-in that types it is read the same way, so `admin@localhost` signs in as typed. Others are lowercased.
 */
export function accountEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at < 1 || normalized.slice(at + 1).includes('.') || !/^[a-z0-9-]+$/.test(normalized.slice(at + 1))) return normalized;
  return `${normalized}.localdomain`;
}
