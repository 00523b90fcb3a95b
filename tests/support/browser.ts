/** Debian Chromium driven by playwright-core, and a small given/when/then driver for the dashboard. */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A browser as the tests see it: Vietnamese in Vietnam's time zone, unless another locale and zone are asked for. */
export async function launchChromium(
  where: { locale: string; timezoneId: string } = {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  },
): Promise<{
  browser: BrowserContext;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'pcmt-chrome-')),
    {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 880 },
      locale: where.locale,
      timezoneId: where.timezoneId,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--lang=${where.locale}`,
      ],
    },
  );
  return { browser: context, close: () => context.close() };
}

export class Dashboard {
  readonly errors: string[] = [];
  readonly offsiteRequests: string[] = [];
  private constructor(
    readonly page: Page,
    base: string,
  ) {
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
        this.offsiteRequests.push(r.url());
    });
  }

  /** Opens the dashboard; signs in first when the sign-in screen shows. */
  static async open(
    context: BrowserContext,
    base: string,
    query: string,
    login?: { username: string; password: string },
    /** The window's size from the first paint (a phone opens at phone width). */
    viewport?: { width: number; height: number },
  ) {
    const d = new Dashboard(await context.newPage(), base);
    if (viewport) await d.page.setViewportSize(viewport);
    await d.page.goto(`${base}/${query}`);
    await d.page.waitForSelector('[data-testid="login-form"], [data-testid="legend"]');
    if (await d.page.$('[data-testid="login-form"]')) {
      if (!login) throw new Error('the dashboard asks to sign in');
      await d.signIn(login.username, login.password);
    }
    await d.mapIdle();
    return d;
  }

  async signIn(username: string, password: string) {
    await this.page.fill('input[name="username"]', username);
    await this.page.fill('input[name="password"]', password);
    await this.page.click('button[type="submit"]');
    await this.page.waitForSelector('[data-testid="legend"], [data-testid="api-error"]');
  }

  /** Waits until the map has drawn what it was given (its screen-reader summary says so). */
  async mapIdle() {
    await this.page.waitForSelector('[data-testid="legend"]');
    await this.page.waitForTimeout(300);
    await this.page.waitForSelector('[data-testid="map-summary"][data-idle="true"]', {
      state: 'attached',
    });
  }

  async choosePhase(id: string) {
    await this.page.click(`[data-testid="phase-${id}"]`);
    await this.page.waitForFunction((p) => location.search.includes(`phase=${p}`), id);
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="as-of"]')?.closest('.loading'),
    );
    await this.mapIdle();
  }

  async card(name: string): Promise<number> {
    const text = await this.page.textContent(`[data-testid="card-${name}"] b`);
    return Number((text ?? '').replace(/\D/g, ''));
  }

  async legendCounts(): Promise<Record<string, number>> {
    return this.page.$$eval('[data-testid^="legend-tier-"]', (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.getAttribute('data-testid')!.replace('legend-tier-', ''),
          Number(li.querySelector('.count')!.textContent!.replace(/\D/g, '')),
        ]),
      ),
    );
  }

  /** Features MapLibre has drawn from a source (what the user sees, not what was fetched). */
  async renderedCount(layer: string, status?: string): Promise<number> {
    await this.mapIdle();
    const text = await this.page.getAttribute('[data-testid="map-summary"]', 'data-rendered');
    const counts = JSON.parse(text || '{}') as Record<string, number>;
    return counts[status ? `${layer}:${status}` : layer] ?? 0;
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }
}
export type { Browser };
