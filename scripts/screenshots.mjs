// `npm run screenshots [paths…]`: PNGs of pages at phone and desktop width, light and dark,
// into screenshots/ (not committed), against a running `npm start` or E2E server.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const base = process.env.BASE ?? 'http://localhost:4321';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/zh-cn/', '/en/', '/zh-cn/163.com/', '/en/163.com/', '/zh-cn/163.com/ios/', '/en/163.com/outlook/'];
const exe = ['/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch(exe ? { executablePath: exe, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] } : {});
mkdirSync('screenshots', { recursive: true });
for (const path of paths) {
  for (const [w, h, tag] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
      await page.goto(base + path);
      await page.waitForLoadState('networkidle');
      const name = `screenshots/${path.replace(/[^a-z0-9.]+/gi, '_')}${tag}-${scheme}.png`;
      await page.screenshot({ path: name, fullPage: true });
      // Full pages are too tall to read at once; also save screen-sized parts.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 1; y < height && i <= 8; y += h, i++) {
        await page.screenshot({ path: name.replace('.png', `-part${i}.png`), fullPage: true, clip: { x: 0, y, width: w, height: Math.min(h, height - y) } });
      }
      await page.close();
      console.log(name);
    }
  }
}
await browser.close();
