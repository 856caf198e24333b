// People in browser tests: a user of any role made through POST /api/users with the admin token, signed in through
// the /login form, and that browser state kept per role, so each spec signs in once per role and reuses it.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '@/contracts/access';
import { userSchema } from '@/contracts/users';
import { api, type RunningSystem } from './start-system';

export const e2ePassword = 'e2e password long enough';

export type Person = { id: string | null; email: string; password: string; role: Role; merchantId: string | null };

/** POST /api/users as the admin token; merchant roles need the merchant they belong to. */
export async function createPerson(system: RunningSystem, role: Role, merchantId?: string): Promise<Person> {
  const email = `${role}-${randomBytes(4).toString('hex')}@e2e.test`;
  const created = await api(system.baseUrl, 'POST', '/api/users', { email, password: e2ePassword, role, merchantId });
  if (created.status !== 201) throw new Error(`creating a ${role} failed: ${created.status} ${JSON.stringify(created.json)}`);
  const user = userSchema.parse(created.json);
  return { id: user.id, email, password: e2ePassword, role, merchantId: user.merchantId };
}

/** Fills the sign-in form as a person would and waits to leave /login. */
export async function signInByForm(page: Page, baseUrl: string, person: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('form[data-ready]').waitFor();
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 })
    .catch(async (error) => {
      const refused = await page
        .getByTestId('sign-in-error')
        .textContent({ timeout: 1_000 })
        .catch(() => null);
      throw new Error(`signing in as ${person.email} did not leave /login (${refused ?? 'no message'}; at ${page.url()})`, {
        cause: error,
      });
    });
}

type StoredState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * A browser context signed in as `role` (the first admin for 'admin' unless `fresh`), made once per system and role
 * and then restored from its stored state. Merchant roles need `merchantId`.
 */
export function signedInContexts(system: RunningSystem, browser: Browser) {
  const states = new Map<string, { person: Person; state: StoredState }>();
  return async function contextFor(role: Role, options: { merchantId?: string } = {}) {
    const key = `${role}:${options.merchantId ?? ''}`;
    let stored = states.get(key);
    if (!stored) {
      const person: Person =
        role === 'admin' && !options.merchantId
          ? { id: null, ...system.admin, role: 'admin', merchantId: null }
          : await createPerson(system, role, options.merchantId);
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInByForm(page, system.baseUrl, person);
      stored = { person, state: await context.storageState() };
      await context.close();
      states.set(key, stored);
    }
    const context = await browser.newContext({ storageState: stored.state });
    return { context, person: stored.person };
  };
}
