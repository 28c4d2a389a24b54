// Error messages as people paste them: whole replies with their variable parts (addresses,
// session ids, times, server ids, ?ip= URLs) must still put the page that explains them first.
import { test, expect } from '@playwright/test';

// Pasted text → the error page that must come first. Variable parts use documentation
// addresses (RFC 5737, example.com) or values as real replies carry them.
const BOTH: [string, string][] = [
  ['DT:SPM', 'netease-554-dt-spm'],
  ['554 DT:SPM 126 smtp2,NuRpCgC3LP0tp3VdPt4LMQ--.5577S2 1567991603,please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.10&hostid=smtp2&time=1567991603', 'netease-554-dt-spm'],
  ['550 MI:SPF 163 mx12,Y8CowABHDZS0MLtb+QOjRQ--.39199S3 1538994358 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.7&hostid=mx12&time=1538994358', 'netease-550-mi-spf'],
  ['553 authentication is required,smtp7,EcCowECZoy+xLGNU4LXrAQ--.2290S2 1415785650', 'netease-553-authentication-required'],
  ['535', 'netease-535-authentication-failed'],
  ['535 Error: authentication failed', 'netease-535-authentication-failed'],
  ['550 User has no permission', 'netease-550-user-has-no-permission'],
  ['Unsafe Login', 'netease-unsafe-login'],
  ['* NO SELECT Unsafe Login. Please contact kefu@188.com for help', 'netease-unsafe-login'],
  ['Login Fail', 'qq-535-login-fail-authorization-code'],
  ['535 Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256', 'qq-535-login-fail-authorization-code'],
  ['535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.', 'qq-imap-login-fail-account-abnormal'],
  ['503 Error: need EHLO and AUTH first !', 'qq-503-need-ehlo-and-auth'],
  ['501 Mail from address must be same as authorization user.', 'qq-501-mail-from-must-be-same'],
  ['Application-specific password', 'gmail-534-5-7-9-app-password-required'],
  ['534-5.7.9 Application-specific password required. Learn more at 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2e1a72fcca58-7390d7a1b11sm1234567b3a.32 - gsmtp', 'gmail-534-5-7-9-app-password-required'],
  ['535-5.7.8 Username and Password not accepted. For more information, go to 535 5.7.8  https://support.google.com/mail/?p=BadCredentials 98e67ed59e1d1-2f7ffa1b5b0sm123456a91.3 - gsmtp', 'gmail-535-5-7-8-bad-credentials'],
  ['NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', 'gmail-imap-alert-app-password-required'],
  ['0x800CCC0E', 'outlook-0x800ccc0e'],
  ["Task 'someone@163.com - Sending' reported error (0x8004210b) : 'The operation timed out waiting for a response from the sending (SMTP) server. If you continue to receive this message, contact your server administrator or Internet service provider (ISP). The server responded: 550 5.1.0 <> sender rejected.'", 'outlook-0x8004210b'],
];
const ONLY: Record<'zh-cn' | 'en', [string, string][]> = {
  'zh-cn': [
    ['以用户名 someone@163.com 登录服务器 imap.163.com 失败。', 'thunderbird-login-failed'],
    ['535 Error: 请使用授权码登录。详情请看: http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256', 'qq-535-login-fail-authorization-code'],
    ['无法向发件服务器（SMTP） smtp.qq.com 进行认证。请检查密码和验证“账号设置 | 服务器设置”中的“认证方式”。', 'thunderbird-smtp-auth-failure'],
  ],
  en: [
    ['Login to server imap.163.com with username someone@163.com failed.', 'thunderbird-login-failed'],
    ['Could not connect to server imap.example.com; the connection was refused.', 'thunderbird-connection-refused'],
  ],
};

for (const locale of ['zh-cn', 'en'] as const) {
  // One page for all of a language's replies, pasted into its search box one after another and
  // submitted as a user would: Pagefind loads once, and each reply's status line says its results are shown.
  test(`pasted errors in ${locale}: each reply puts the page that explains it first`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/${locale}/search/`);
    for (const [q, id] of [...BOTH, ...ONLY[locale]]) {
      await page.locator('#q').fill(q);
      await page.locator('#q').press('Enter');
      await expect(page.locator('#status'), q).toContainText(`“${q}”`, { timeout: 15_000 });
      const first = page.locator('#results > li').first().locator('h2 a');
      expect.soft(await first.getAttribute('href'), `“${q.slice(0, 60)}” puts /errors/${id}/ first`).toBe(`/${locale}/errors/${id}/`);
    }
  });
}

test.describe('error pages', () => {
  test('an error page shows the verbatim text with its variable parts marked, causes in order, and links into guides', async ({ page }) => {
    await page.goto('/en/errors/netease-554-dt-spm/');
    await expect(page.locator('h1')).toHaveText('554 DT:SPM (NetEase)');
    await expect(page.locator('#text ~ ul code').first()).toHaveText('554 DT:SPM');
    await expect(page.locator('code.error-text var').first()).toHaveText('{session id}');
    await expect(page.locator('.causes > li')).not.toHaveCount(0);
    await page.goto('/zh-cn/errors/netease-535-authentication-failed/');
    // The guide links are one app picker after the fix (issue 21).
    const guideLink = page.locator('.action a[href="/zh-cn/163.com/ios/#step-password"]');
    await guideLink.click();
    await expect(page.locator('#step-password')).toBeVisible();
  });

  test('a message whose Chinese wording we could not source says so', async ({ page }) => {
    await page.goto('/zh-cn/errors/ios-cannot-get-mail/');
    await expect(page.locator('main')).toContainText('我们还没有找到这条提示在中文界面中的原文');
    await expect(page.locator('main')).toContainText('没有来源直接说明它的含义');
  });

  test('errors of an app without a guide link to provider pages', async ({ page }) => {
    await page.goto('/en/errors/thunderbird-smtp-auth-failure/');
    await expect(page.locator('main a[href="/en/163.com/#password"]')).toHaveCount(1);
    await expect(page.locator('main a[href^="/"][href*="/thunderbird/"]')).toHaveCount(0);
  });

  test('the index groups errors by symptom and links each page', async ({ page }) => {
    await page.goto('/zh-cn/errors/');
    await expect(page.locator('h2#password-rejected')).toHaveText('密码被拒绝');
    await expect(page.locator('#password-rejected + ul a[href="/zh-cn/errors/qq-535-login-fail-authorization-code/"]')).toHaveCount(1);
  });

  test('provider pages list their errors and give connection checks built from their servers', async ({ page }) => {
    await page.goto('/en/163.com/');
    await expect(page.locator('#errors ~ ul a[href="/en/errors/netease-unsafe-login/"]')).toHaveCount(1);
    await expect(page.locator('#check ~ section pre').getByText('openssl s_client -connect imap.163.com:993 -servername imap.163.com', { exact: true })).toHaveCount(1);
    await expect(page.locator('#check ~ section pre').getByText('Test-NetConnection smtp.163.com -Port 465', { exact: true })).toHaveCount(1);
    await page.goto('/en/163.com/outlook/');
    await expect(page.locator('section[aria-labelledby="trouble"] a[href="/en/errors/outlook-0x800ccc0e/"]')).toHaveCount(1);
  });
});
