// Playwright's global setup: makes sure a Chromium is there before any test starts (installing
// Debian's where that is possible), so that loading playwright.config.ts itself installs nothing.
import { chromiumLaunchOptions } from '../browser.ts';

export default function setup(): void {
  chromiumLaunchOptions();
}
