// Machine-readable settings as a user or a script gets them from the served site: the profile
// form's download, the autoconfig XML, the static profile and the JSON API, and the two pages
// that explain them. Expected values are 163 Mail's, from research/netease-sources.md.
import { test, expect, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'plist';
import { XMLParser } from 'fast-xml-parser';
import { providers } from './dataset.ts';
import { isCurated } from '../../src/lib/merge.ts';

type Dict = Record<string, unknown>;

const TEXT = {
  'zh-cn': {
    address: '你的邮箱地址',
    name: '发件人名称（可选）',
    button: '下载描述文件',
    noPassword: '描述文件里没有密码',
    password: '客户端授权码',
    notAddress: '这不是有效的邮箱地址',
    otherProvider: '这不是163 邮箱的地址',
    noScript: '此表单需要 JavaScript。你也可以下载通用描述文件',
    nameCleaned: '发件人名称里有描述文件无法保存的不可见字符',
    autoconfigPage: '在 Thunderbird 或脚本中使用本站的自动配置文件',
    apiPage: 'JSON 接口说明',
    lang: 'zh-CN',
    other: 'English',
  },
  en: {
    address: 'Your email address',
    name: 'Your name (optional, shown as the sender)',
    button: 'Download profile',
    noPassword: 'The profile contains no password',
    password: 'client authorization code',
    notAddress: 'That is not an email address',
    otherProvider: 'That is not a 163 Mail address',
    noScript: 'This form needs JavaScript. You can instead download the generic profile',
    nameCleaned: 'Your name held invisible characters a profile cannot hold',
    autoconfigPage: 'Use our autoconfig files in Thunderbird or a script',
    apiPage: 'The JSON API',
    lang: 'en',
    other: '简体中文',
  },
} as const;
type Locale = keyof typeof TEXT;

/** Every key of every dict in a parsed plist, however deep. */
function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]);
  }
  return [];
}

/** Records the type of every Blob the page turns into a download URL. */
async function recordBlobTypes(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { blobTypes: string[] };
    w.blobTypes = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) w.blobTypes.push(obj.type);
      return original(obj);
    };
  });
}

for (const { path, locale } of [
  { path: '/zh-cn/163.com/', locale: 'zh-cn' as Locale },
  { path: '/en/163.com/ios/', locale: 'en' as Locale },
]) {
  const s = TEXT[locale];

  test(`${path}: the profile form downloads a .mobileconfig for the address, without a password`, async ({ page }) => {
    await recordBlobTypes(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(path);
    // Said next to the form, before anything is downloaded.
    const note = page.getByText(s.noPassword);
    await expect(note).toBeVisible();
    await expect(note).toContainText(s.password);

    await page.getByRole('textbox', { name: s.address, exact: true }).fill('  Li.Lei@163.COM ');
    await page.getByRole('textbox', { name: s.name, exact: true }).fill('Li Lei');
    // The script the download loads: small (no schema library), and nothing the CSP refuses.
    await page.waitForLoadState('networkidle');
    const scripts: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b).length));
    });
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: s.button }).click();
    const download = await downloading;
    const gz = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(scripts.length, 'the builder loads on the first submit').toBeGreaterThan(0);
    expect(gz, 'gzip bytes of script loaded for the download').toBeLessThanOrEqual(10 * 1024);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(download.suggestedFilename()).toBe('163.com.mobileconfig');
    expect(await page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)).toEqual(['application/x-apple-aspen-config']);

    const text = readFileSync((await download.path())!, 'utf8');
    const top = parse(text) as Dict;
    expect(top.PayloadType).toBe('Configuration');
    // The device shows these texts while installing: in the page's language, naming the password kind.
    expect(String(top.PayloadDescription)).toContain(s.password);
    const content = top.PayloadContent as Dict[];
    expect(content).toHaveLength(1);
    expect(content[0]).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: 'Li.Lei@163.com',
      EmailAccountName: 'Li Lei',
      IncomingMailServerHostName: 'imap.163.com',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'Li.Lei@163.com',
      OutgoingMailServerHostName: 'smtp.163.com',
      OutgoingMailServerPortNumber: 465,
      OutgoingMailServerUseSSL: true,
    });
    expect(keys(top).filter((k) => /password/i.test(k))).toEqual([]);

    await expect(page.locator('section.profile').getByRole('status')).toContainText('163.com.mobileconfig');
  });
}

// What the browser itself builds, from the built bundle: a sender name pasted with characters XML
// cannot hold still gives a file a strict XML parser (Chromium's, as strict as iOS) accepts.
for (const { path, locale } of [
  { path: '/en/163.com/ios/', locale: 'en' as Locale },
  { path: '/zh-cn/163.com/', locale: 'zh-cn' as Locale },
]) {
  const s = TEXT[locale];
  test(`${path}: a sender name with control characters gets them removed, a message, and a profile that parses`, async ({ page }) => {
    await page.goto(path);
    const hostile = 'Li\u000BLei\u0000\u0007\uFFFE & <Han>';
    const name = page.getByRole('textbox', { name: s.name, exact: true });
    await page.getByRole('textbox', { name: s.address, exact: true }).fill('a.b@163.com');
    await name.fill(hostile);
    // The field really holds them (nothing in the page stripped them before the form's code ran).
    expect(await name.inputValue()).toBe(hostile);
    await expect(page.getByText(s.nameCleaned)).toBeHidden();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: s.button }).click();
    const text = readFileSync((await (await downloading).path())!, 'utf8');

    const errors = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return [...doc.getElementsByTagName('parsererror')].map((e) => e.textContent);
    }, text);
    expect(errors).toEqual([]);
    const mail = (parse(text) as { PayloadContent: Dict[] }).PayloadContent[0]!;
    expect(mail.EmailAccountName).toBe('LiLei & <Han>');
    expect(mail.EmailAddress).toBe('a.b@163.com');
    // The user is told, and sees what the profile got.
    await expect(page.getByText(s.nameCleaned)).toBeVisible();
    await expect(name).toHaveAccessibleDescription(new RegExp(s.nameCleaned));
    expect(await name.inputValue()).toBe('LiLei & <Han>');
    await expect(page.locator('section.profile').getByRole('status')).toContainText('163.com.mobileconfig');
  });
}

test('/en/163.com/ios/: addresses that differ only in punctuation get profiles with identifiers of their own', async ({ page }) => {
  await page.goto('/en/163.com/ios/');
  const ids: string[] = [];
  for (const address of ['a.b@163.com', 'a-b@163.com', 'a_b@163.com', 'a+b@163.com']) {
    await page.getByRole('textbox', { name: TEXT.en.address, exact: true }).fill(address);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: TEXT.en.button }).click();
    const top = parse(readFileSync((await (await downloading).path())!, 'utf8')) as Dict;
    ids.push(String(top.PayloadIdentifier));
  }
  expect(new Set(ids).size).toBe(4);
});

for (const locale of ['zh-cn', 'en'] as const) {
  const s = TEXT[locale];
  for (const { input, message } of [
    { input: 'not-an-address', message: s.notAddress },
    { input: 'someone@gmail.com', message: s.otherProvider },
  ]) {
    test(`/${locale}/163.com/: “${input}” gets a message and no file`, async ({ page }) => {
      await recordBlobTypes(page);
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.goto(`/${locale}/163.com/`);
      const field = page.getByRole('textbox', { name: s.address, exact: true });
      await field.fill(input);
      await page.getByRole('button', { name: s.button }).click();

      await expect(page.getByText(message)).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(new RegExp(message));
      await expect(field).toBeFocused();
      // The message and a file come from the same click handler: once the message shows, no file was made.
      expect(await page.evaluate(() => (window as unknown as { blobTypes: string[] }).blobTypes)).toEqual([]);
      expect(downloads).toBe(0);
      await expect(page.locator('section.profile').getByRole('status')).toBeHidden();

      // Typing again clears the message.
      await field.fill('someone@163.com');
      await expect(page.getByText(message)).toBeHidden();
      await expect(field).toHaveAttribute('aria-invalid', 'false');
    });
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const locale of ['zh-cn', 'en'] as const) {
    test(`/${locale}/163.com/ios/: the form is replaced by the generic profile`, async ({ page, request }) => {
      await page.goto(`/${locale}/163.com/ios/`);
      await expect(page.getByRole('button', { name: TEXT[locale].button })).toBeHidden();
      const fallback = page.locator('p', { hasText: TEXT[locale].noScript });
      await expect(fallback).toBeVisible();
      const link = fallback.getByRole('link');
      await expect(link).toHaveAttribute('href', '/profiles/163.com.mobileconfig');
      await expect(page.getByText(TEXT[locale].noPassword)).toBeVisible();
      expect((await request.get('/profiles/163.com.mobileconfig')).status()).toBe(200);
    });
  }
});

test('/v1.1/163.com is autoconfig XML with 163 Mail’s servers', async ({ request }) => {
  const res = await request.get('/v1.1/163.com');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('xml');
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['incomingServer', 'outgoingServer', 'domain'].includes(name) }).parse(await res.text());
  const provider = doc.clientConfig.emailProvider;
  expect(doc.clientConfig['@_version']).toBe('1.1');
  expect(provider.domain).toContain('163.com');
  expect(provider.incomingServer[0]).toMatchObject({ '@_type': 'imap', hostname: 'imap.163.com', port: 993, socketType: 'SSL' });
  expect(provider.outgoingServer[0]).toMatchObject({ '@_type': 'smtp', hostname: 'smtp.163.com', port: 465, socketType: 'SSL' });
});

test('/profiles/163.com.mobileconfig is served as a configuration profile', async ({ request }) => {
  const res = await request.get('/profiles/163.com.mobileconfig');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/x-apple-aspen-config');
  const top = parse(await res.text()) as Dict;
  expect(top.PayloadType).toBe('Configuration');
  expect((top.PayloadContent as Dict[])[0]).toMatchObject({ IncomingMailServerHostName: 'imap.163.com', OutgoingMailServerHostName: 'smtp.163.com' });
  expect(keys(top).filter((k) => /password/i.test(k))).toEqual([]);
});

test('/api/v1/providers.json lists every provider as JSON', async ({ request }) => {
  const res = await request.get('/api/v1/providers.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  const body = (await res.json()) as { providers: { domain: string; otherDomains: string[] }[] };
  const domains = body.providers.map((p) => p.domain);
  const served = new Set(body.providers.flatMap((p) => [p.domain, ...p.otherDomains]));
  const names = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  // Every curated file is a provider; every imported one is a provider or merged into its curated twin.
  expect(domains).toEqual(expect.arrayContaining(names('src/data/providers')));
  for (const d of names('src/data/imported')) expect(served.has(d), d).toBe(true);
  expect(new Set(domains).size).toBe(domains.length);
});

for (const locale of ['zh-cn', 'en'] as const) {
  const s = TEXT[locale];
  const other = locale === 'en' ? 'zh-cn' : 'en';

  test(`${locale}: the provider page leads to the autoconfig and API pages, which link the files`, async ({ page, request }) => {
    for (const { name, path } of [
      { name: s.autoconfigPage, path: 'autoconfig' },
      { name: s.apiPage, path: 'api' },
    ]) {
      await page.goto(`/${locale}/163.com/`);
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(`/${locale}/${path}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', s.lang);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      for (const href of ['/v1.1/163.com', '/api/v1/schema.json']) {
        const link = page.locator(`main a[href="${href}"]`).first();
        await expect(link, `${path} links ${href}`).toBeVisible();
        expect((await request.get(href)).status()).toBe(200);
      }

      // The language switch goes to the same page in the other language.
      await page.getByRole('link', { name: s.other }).click();
      await expect(page).toHaveURL(`/${other}/${path}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', TEXT[other].lang);
    }
  });
}

test('the autoconfig page tells Thunderbird users the preference and the URL to set', async ({ page }) => {
  await page.goto('/en/autoconfig/');
  const main = page.locator('main');
  await expect(main).toContainText('mailnews.auto_config_url');
  await expect(main).toContainText('autoconfig.');
  await expect(main).toContainText(/https?:\/\/[^ ]+\/v1\.1\/163\.com/);
  // One file per domain, other domains included.
  const files = await page.locator('#files + .table-wrap a[href^="/v1.1/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // The curated providers (priority below the imported ones') that get an autoconfig file, every domain of each; the rest are reached through the index.
  const curated = providers.filter(isCurated);
  expect(curated.map((p) => p.domain)).toEqual(expect.arrayContaining(['163.com', 'gmail.com', 'qq.com']));
  expect(files.sort()).toEqual(curated.flatMap((p) => [p.domain, ...p.otherDomains, ...p.hostedDomains]).filter((d) => existsSync(`dist/v1.1/${d}.xml`)).map((d) => `/v1.1/${d}`).sort());
});

test('the API page promises stability and documents every field with sources and grades', async ({ page }) => {
  await page.goto('/en/api/');
  const main = page.locator('main');
  for (const path of ['/api/v1/providers.json', '/api/v1/providers/{domain}.json', '/api/v1/schema.json']) await expect(main).toContainText(path);
  await expect(page.locator('#stability + ul')).toContainText('/api/v2/');
  await expect(page.locator('#stability + ul')).toContainText(/at least \d+ months/);
  await expect(page.locator('#fields-server')).toContainText('Server.grade');
  await expect(page.locator('#fields-server')).toContainText('Server.disagreements');
  await expect(page.locator('#fields-server')).toContainText('Server.sources');
});

// The served JSON Schema carries each field's meaning (English as `description`, the other
// locales as `x-description-<locale>`); the page must show every field with it.
type SchemaNode = Record<string, unknown> & { properties?: Record<string, SchemaNode>; items?: SchemaNode };
const schemaFields = (n: SchemaNode, prefix: string): [string, SchemaNode][] =>
  Object.entries(n.properties ?? {})
    .filter(([key]) => key !== '$schema')
    .flatMap(([key, child]) => [[`${prefix}${key}`, child] as [string, SchemaNode], ...schemaFields(child, `${prefix}${key}.`), ...(child.items ? schemaFields(child.items, `${prefix}${key}[].`) : [])]);
for (const locale of ['zh-cn', 'en'] as const) {
  test(`/${locale}/api/ documents every field of the served JSON Schema with its description`, async ({ page }) => {
    const schema = JSON.parse(readFileSync('dist/api/v1/schema.json', 'utf8')) as SchemaNode & { $defs: Record<string, SchemaNode> };
    const fields = [...schemaFields(schema, ''), ...(['Server', 'Source'] as const).flatMap((name) => schemaFields(schema.$defs[name]!, `${name}.`))];
    const key = locale === 'en' ? 'description' : `x-description-${locale}`;
    await page.goto(`/${locale}/api/`);
    const rows = (await page.locator('table.fields tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(rows.length).toBe(fields.length);
    for (const [path, node] of fields) {
      const text = node[key];
      expect(typeof text === 'string' && text.length > 0, `${path} has no ${key} in the schema`).toBe(true);
      expect(rows.some((r) => r.startsWith(`${path} `) && r.includes(text as string)), `${path}: ${text}`).toBe(true);
    }
  });
}
