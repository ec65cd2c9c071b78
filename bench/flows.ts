// Requests per signup flow (browser → merchant backend) and React commits per keystroke in the identifier field.
import type { Browser, Page } from 'playwright';
import { base, control } from './demo.ts';

function backendCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/purse/')) calls.push(`${r.method()} ${path.slice('/api/purse'.length)}`);
  });
  return calls;
}

export async function signupFlows(browser: Browser) {
  await control.reset();
  // Each flow in a new context: a new customer cookie (a customer reference links to one XCO account only).
  let page = await (await browser.newContext()).newPage();
  const created = backendCalls(page);
  await page.goto(`${base}/account`);
  // The shop account first: the demo shop only vouches for (and so only creates an XCO account for) its email.
  const email = `bench.${Date.now()}@example.com`;
  await page.getByLabel('Email for your shop account').fill(email);
  await page.getByRole('button', { name: 'Create shop account' }).click();
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(/^First name/).fill('Ada');
  await page.getByLabel(/^Last name/).fill('Lovelace');
  await page.getByLabel(/^Street address/).fill('1 rue de Rivoli');
  await page.getByLabel(/^Postal code/).fill('75001');
  await page.getByLabel(/^City/).fill('Paris');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('heading', { name: 'Your Purse account is ready' }).waitFor();
  await page.context().close();

  page = await (await browser.newContext()).newPage();
  const linked = backendCalls(page);
  await page.goto(`${base}/account`);
  await page.getByRole('textbox', { name: 'Email or phone number' }).fill('existing@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('textbox', { name: 'Verification code' }).waitFor();
  await page.getByRole('textbox', { name: 'Verification code' }).fill(await control.otp('existing@example.com'));
  await page.getByRole('heading', { name: 'Your Purse account is linked' }).waitFor();
  await page.context().close();
  return { created, linked };
}

const commits = (page: Page) => page.evaluate(() => (window as { __purseCommits?: number }).__purseCommits ?? 0);

/**
 * Commits of the <Profiler> around XcoSignup (the demo's production build uses react-dom's profiling build, so
 * onRender fires) per character typed. The first commit after page load proves the counter works: a figure of 0 with
 * a dead counter would be a bug, not a result.
 */
export async function commitsPerKeystroke(browser: Browser) {
  await control.reset();
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/account`);
  await page.getByRole('textbox', { name: 'Email or phone number' }).waitFor();
  const mounted = await commits(page);
  if (mounted < 1) throw new Error('The commit counter saw no commit at mount: the Profiler is not active.');
  const field = page.getByRole('textbox', { name: 'Email or phone number' });
  await field.focus();
  const text = 'camille.martin@example.fr';
  const before = await commits(page);
  await page.keyboard.type(text);
  const after = await commits(page);
  await field.fill('');
  const phoneText = '06 12 34 56 78';
  const beforePhone = await commits(page);
  await page.keyboard.type(phoneText);
  const afterPhone = await commits(page);
  await page.context().close();
  return { mounted, email: (after - before) / text.length, phone: (afterPhone - beforePhone) / phoneText.length };
}
