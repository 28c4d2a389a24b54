import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const page = await browser.newPage();
await page.goto('http://localhost:4321/zh-cn/search/');
const out = await page.evaluate(async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ ranking: { pageLength: 0.25 } });
  await pf.init();
  const r = await pf.search(q);
  return Promise.all(r.results.map(async (x) => { const d = await x.data(); return [d.url, x.score.toFixed(3), d.sub_results.map(s=>s.url.split('#')[1]+':'+(s.locations||[]).length).join(',')].join(' '); }));
}, process.argv[2]);
console.log(out.slice(0, 40).map((x, i) => i + ' ' + x).join('\n'));
await browser.close();
