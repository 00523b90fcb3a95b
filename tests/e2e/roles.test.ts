/**
 * Each role signs in and sees what it may do: the commander records an assessment, the border
 * officer logs a coordination event at a crossing of their own unit, the planner ticks criteria,
 * the administrator reads the audit trail. A screenshot of each screen is kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];

async function signedIn(username: string, query: string) {
  const chrome = await launchChromium();
  open.push(chrome);
  return Dashboard.open(chrome.browser, server.url, query, {
    username,
    password: users[username]!,
  });
}

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-roles-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

describe('roles in the browser', () => {
  it('shows the sign-in screen first and refuses a wrong password', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid="login-form"]');
    await page.fill('input[name="username"]', 'chihuy.laocai');
    await page.fill('input[name="password"]', 'not-the-password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="api-error"]');
    expect(await page.textContent('[data-testid="api-error"]')).toContain(
      'Sai tên đăng nhập hoặc mật khẩu',
    );
    await page.screenshot({ path: 'tests/e2e/screenshots/10-sign-in-refused.png' });
  });

  it('lets the commander record a tier assessment, which recolours the commune', async () => {
    const d = await signedIn(
      'chihuy.laocai',
      '?province=lao-cai&campaign=lc-2024-peak&phase=lc-2024-peak-p2&sel=com-10-0004',
    );
    expect(await d.page.textContent('[data-testid="user-badge"]')).toContain('Chỉ huy');
    await d.page.waitForSelector('[data-testid="assessment-form"]');
    await d.page.selectOption('[data-testid="assessment-form"] select', 'type_1');
    await d.page.click('[data-testid="assessment-form"] button[type="submit"]');
    await d.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="legend-tier-type_1"] .count')?.textContent !== '1',
    );
    await d.mapIdle();
    expect(await d.page.$$('[data-testid="event-form"]')).toHaveLength(0);
    await d.screenshot('11-commander-assessment');
  });

  it('lets a border officer log an event at a crossing of their own unit only', async () => {
    const d = await signedIn('bienphong.sonla', '?province=son-la&sel=crossing-07');
    await d.page.waitForSelector('[data-testid="crossing-panel"]');
    const later = async () =>
      Number(
        (
          (await d.page.textContent('[data-testid="events-later"]').catch(() => '0')) ?? '0'
        ).replace(/\D.*$/, '') || 0,
      );
    const before = await later();
    await d.page.fill(
      '[data-testid="event-form"] textarea',
      'Tuần tra song phương đoạn mốc 250–252, không phát hiện vi phạm',
    );
    await d.page.selectOption('[data-testid="event-form"] select', 'joint_patrol');
    await d.page.click('[data-testid="event-form"] button[type="submit"]');
    // The log reads as of the campaign's date (2023): today's event is counted among the later ones.
    await d.page.waitForFunction(
      (n) =>
        Number(
          (document.querySelector('[data-testid="events-later"]')?.textContent ?? '0').replace(
            /\D.*$/,
            '',
          ) || 0,
        ) ===
        n + 1,
      before,
    );
    expect(await d.page.textContent('[data-testid="crossing-events"]')).not.toContain('mốc 250');
    expect(await d.page.$$('[data-testid="assessment-form"]')).toHaveLength(0);
    // The officer's map opens on the stretch of their own station: its one gate, Chiềng Khương, is drawn.
    expect(await d.renderedCount('crossings-circle')).toBe(1);
    await d.screenshot('12-border-officer-event');
    await d.page.goto(`${server.url}/?province=son-la&sel=crossing-08`);
    await d.page.waitForSelector('[data-testid="crossing-panel"]');
    expect(await d.page.$$('[data-testid="event-form"]')).toHaveLength(0);
  });

  it("lets the planner tick the 8 criteria of a commune's plan", async () => {
    const d = await signedIn(
      'kehoach.laichau',
      '?province=lai-chau&campaign=lch-2024-2025&phase=lch-2024-2025-p2&sel=com-12-0320',
    );
    await d.page.waitForSelector('[data-testid="plan-panel"]');
    // The view is of phase 2 (ended 14/03/2025): the plan reads as of then, read-only, until switched to today.
    expect(
      await d.page
        .locator('[data-testid="plan-panel"] input[type="checkbox"]')
        .first()
        .isDisabled(),
    ).toBe(true);
    await d.screenshot('13a-planner-past');
    await d.page.click('[data-testid="plan-edit-now"]');
    await d.page.waitForSelector('[data-testid="plan-past-note"]', { state: 'detached' });
    const before = await d.page.textContent('[data-testid="criteria-met"]');
    const box = d.page.locator('[data-testid="plan-panel"] input[type="checkbox"]').last();
    await box.click();
    await d.page.waitForFunction(
      (b) => document.querySelector('[data-testid="criteria-met"]')?.textContent !== b,
      before,
    );
    expect(await d.page.$$('[data-testid="assessment-form"]')).toHaveLength(0);
    // A task of the "4 rõ" table: what, by when, the position answerable (never a name).
    await d.page.fill('[data-testid="task-title"]', 'Ký cam kết hộ gia đình bản Sin Câu');
    await d.page.fill('[data-testid="task-position"]', 'Trưởng bản');
    await d.page.fill('[data-testid="task-due"]', '31/03/2027');
    await d.page.click('[data-testid="task-save"]');
    await d.page.waitForSelector('[data-testid="task-row"]:has-text("Ký cam kết hộ gia đình")');
    await d.screenshot('13-planner-criteria');
  });

  it('shows the administrator the accounts and the audit trail', async () => {
    const d = await signedIn('quantri.laocai', '?province=lao-cai');
    await d.page.waitForSelector('[data-testid="audit-table"] tbody tr');
    expect(await d.page.textContent('[data-testid="audit-table"]')).toContain('login');
    await d.page.selectOption('[data-testid="audit-outcome"]', 'failed');
    await d.page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="audit-table"] tbody tr')).every((r) =>
        r.textContent?.includes('failed'),
      ),
    );
    expect(await d.page.$$('[data-testid="assessment-form"]')).toHaveLength(0);
    await d.screenshot('14-admin-audit');
  });

  it('signs out', async () => {
    const d = await signedIn('chihuy.laocai', '?province=lao-cai');
    await d.page.click('[data-testid="logout"]');
    await d.page.waitForSelector('[data-testid="login-form"]');
  });
});
