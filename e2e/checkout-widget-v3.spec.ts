// The drop-in driver's parts downloaded apart: the Widget v3 half only on a page whose drop-in script is that
// generation, the mount on every checkout page (beside the session request and the script).
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

// The mount (and Drop-in Checkout's own half) is downloaded apart too, beside the session request and the script.
const isMountChunk = (url: string | URL) => /\/mount[^/]*\.js$/.test(new URL(url).pathname);

const CHUNKS = [
  { name: 'the Widget v3 driver', isChunk: isWidgetChunk, generation: 'widget-v3' },
  { name: 'the drop-in mount', isChunk: isMountChunk, generation: undefined },
] as const;

for (const { name, isChunk, generation } of CHUNKS) {
  test(`${name} failing to download shows an error, and "Try again" downloads it and mounts`, async ({ page, request }) => {
    if (generation) await mock.config(request, { dropinGeneration: generation });
    const chunks: string[] = [];
    page.on('request', (r) => void (isChunk(r.url()) && chunks.push(r.url())));
    // Unreachable until the shopper tries again (the mount asks for it again after the early request failed).
    let reachable = false;
    await page.route(isChunk, (route) => (reachable ? route.fallback() : route.fulfill({ status: 503, body: '' })));
    await page.goto('/checkout');
    const message = page.getByRole('paragraph').filter({ hasText: 'The payment form could not load. Check your connection and try again.' });
    await expect(message).toBeVisible();
    await expect(page.getByLabel('Card number')).toHaveCount(0);
    expect(chunks.length).toBeGreaterThan(0);

    reachable = true;
    const failedRequests = chunks.length;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByLabel('Card number')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'The payment form is ready.' })).toHaveCount(1);
    expect(chunks.length).toBeGreaterThan(failedRequests);
    // The retry reused the session (and the script): one intent, one session.
    expect((await mock.state(request)).sessions).toHaveLength(1);
  });
}
