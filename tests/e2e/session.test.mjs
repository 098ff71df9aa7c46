// Issue 23, point 6, end to end: the idle lock follows the time the page has
// run (`performance.now()`), so a clock set back cannot postpone it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, launch, open, addPatient, turnOnLock } from './helpers.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await server?.close(); });

test('a clock set back an hour does not postpone the idle lock', async (t) => {
  const { context, page, problems } = await open(browser, server.url, undefined, { clock: true });
  t.after(() => context.close());
  await addPatient(page, 'Ur 1');
  await turnOnLock(page, server.url);
  await page.goto(`${server.url}#/`);
  await page.getByTestId('patient-label').filter({ hasText: 'Ur 1' }).waitFor();
  await page.clock.setSystemTime(Date.now() - 60 * 60 * 1000);
  await page.clock.fastForward('15:30');
  await page.getByTestId('lock-screen').waitFor({ timeout: 5000 });
  assert.doesNotMatch(await page.locator('body').innerText(), /Ur 1/);
  assert.deepEqual(problems, []);
});
