// The Widget v3 half of the drop-in driver is downloaded apart, only on a page whose drop-in script is that generation.
import { expect, test, mock } from './support.ts';

const isWidgetChunk = (url: string | URL) => /\/widget-v3[^/]*\.js$/.test(new URL(url).pathname);

test.beforeEach(async ({ request }) => {
  await mock.reset(request);
});

test('a Drop-in Checkout page does not download the Widget v3 driver', async ({ page }) => {
  const chunks: string[] = [];
  page.on('request', (r) => void (isWidgetChunk(r.url()) && chunks.push(r.url())));
  await page.goto('/checkout');
  await expect(page.getByLabel('Card number')).toBeVisible();
  expect(chunks).toEqual([]);
});

test('the Widget v3 driver failing to download shows an error, and "Try again" downloads it and mounts', async ({ page, request }) => {
  await mock.config(request, { dropinGeneration: 'widget-v3' });
  const chunks: string[] = [];
  page.on('request', (r) => void (isWidgetChunk(r.url()) && chunks.push(r.url())));
  let failed = 0;
  await page.route(isWidgetChunk, (route) => (failed++ === 0 ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  await page.goto('/checkout');
  const message = page.getByRole('paragraph').filter({ hasText: 'The payment form could not load. Check your connection and try again.' });
  await expect(message).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveCount(0);

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The payment form is ready.' })).toHaveCount(1);
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  // The retry reused the session: one intent, one session.
  expect((await mock.state(request)).sessions).toHaveLength(1);
});
