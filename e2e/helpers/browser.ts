import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium to drive: CHROMIUM_PATH, else one installed on the system (Debian's in CI), else the one that comes
 * inside the `@sparticuz/chromium` npm package, so a machine with only Node and npm runs the browser tests too.
 */
export async function chromiumExecutable(): Promise<{ path: string; args: string[] }> {
  const chosen = process.env.CHROMIUM_PATH ?? systemChromiums.find((candidate) => existsSync(candidate));
  if (chosen) return { path: chosen, args: [] };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its own flags suit it (it is built for minimal hosts); WebGL stays off like the GPU.
  packaged.setGraphicsMode = false;
  return { path: await packaged.executablePath(), args: packaged.args };
}

/** Headless Chromium with the flags a machine without internet needs (no background fetches, no updates). */
export async function launchBrowser(): Promise<Browser> {
  const executable = await chromiumExecutable();
  return chromium.launch({
    executablePath: executable.path,
    args: [
      ...executable.args,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
