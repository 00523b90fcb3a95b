/**
 * Dates in Vietnam's day and form, whatever the browser says (issue 14, part 4): a browser set to English in UTC,
 * whose clock reads 18:30 UTC on the day after the server's (01:30 two days on in Vietnam), still defaults a new
 * coordination event to the server's day in Asia/Ho_Chi_Minh, shown as dd/mm/yyyy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-dates-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

describe('a browser in another language and time zone', () => {
  it('defaults a form to the server’s day in Vietnam, as dd/mm/yyyy', async () => {
    const chrome = await launchChromium({ locale: 'en-US', timezoneId: 'UTC' });
    open.push(chrome);
    // The browser's clock: 18:30 UTC the day after the server's day, so neither its UTC day nor its Vietnamese
    // day is the server's.
    const today = vietnamDay(new Date());
    await chrome.browser.clock.setFixedTime(new Date(`${addDays(today, 1)}T18:30:00Z`));
    const d = await Dashboard.open(
      chrome.browser,
      server.url,
      '?province=son-la&sel=crossing-07',
      { username: 'bienphong.sonla', password: users['bienphong.sonla']! },
      { width: 1366, height: 800 },
    );
    const date = d.page.locator('[data-testid="event-date"]');
    await date.waitFor();
    expect(await date.inputValue()).toBe(formatViDate(today));
    await d.page.locator('[data-testid="event-form"]').scrollIntoViewIfNeeded();
    await d.screenshot('102-dates-abroad');
  });
});
