// Finds a Chromium for Playwright: its own download if installed, else the system's,
// else installs Debian's where we are root (never while a config file is merely loaded);
// otherwise stops with one instruction.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
// Without these, system Chromium keeps trying to reach Google's hosts through a closed network.
export const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

function playwrightOwn(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

type LaunchOptions = { executablePath?: string; args?: string[] };

/** Launch options for a Chromium already on this machine ({} for Playwright's own), or undefined. Installs nothing. */
export function findChromium(): LaunchOptions | undefined {
  if (playwrightOwn()) return {};
  const path = SYSTEM.find((p) => existsSync(p));
  return path ? { executablePath: path, args: SYSTEM_ARGS } : undefined;
}

/**
 * Launch options for Playwright: a Chromium found on this machine, else Debian's installed where we
 * are root; otherwise it stops with one instruction. Run before the browser tests by
 * tests/e2e/setup.ts (Playwright's global setup), and by the bench and the audit.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.error('No Chromium found; installing Debian’s chromium package…');
    try {
      execSync('apt-get install -y chromium || (apt-get update && apt-get install -y chromium)', { stdio: 'inherit', shell: '/bin/sh' });
    } catch {
      // fall through to the instruction below
    }
  }
  const installed = findChromium();
  if (!installed) throw new Error('No Chromium for the browser tests: run `npx playwright install chromium`, or `sudo apt-get install chromium`, then `npm test` again.');
  return installed;
}
