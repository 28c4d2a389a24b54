// Finds a Chromium for Playwright: its own download if installed, else the system's,
// else installs Debian's where we are root; otherwise stops with one instruction.
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

/** Launch options for Playwright: {} when its own browser is there. */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  if (playwrightOwn()) return {};
  const found = () => SYSTEM.find((p) => existsSync(p));
  let path = found();
  if (!path && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.error('No Chromium found; installing Debian’s chromium package…');
    try {
      execSync('apt-get install -y chromium || (apt-get update && apt-get install -y chromium)', { stdio: 'inherit', shell: '/bin/sh' });
    } catch {
      // fall through to the instruction below
    }
    path = found();
  }
  if (!path) throw new Error('No Chromium for the browser tests: run `npx playwright install chromium`, or `sudo apt-get install chromium`, then `npm test` again.');
  return { executablePath: path, args: SYSTEM_ARGS };
}
