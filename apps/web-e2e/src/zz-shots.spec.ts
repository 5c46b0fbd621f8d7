import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { addressOf, open, signInApi } from './support/app-routes';
const DIR = `${__dirname}/../../../.test-results/screenshots`;
test('shots', async ({ page, request }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await new AppPage(page).signIn('admin@example.org');
  const token = await signInApi(request, 'admin@example.org');
  for (const lang of ['es', 'en']) {
    if (lang === 'en') {
      await page.locator('mih-language-menu button').click();
      await page.locator('[role="menuitemradio"][lang="en"]').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await page.waitForTimeout(1500);
    }
    await open(page, (await addressOf(request, token, 'activities/:id'))!);
    await page.waitForTimeout(2500);
    await page.locator('mat-chip-grid').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DIR}/a11y2-${lang}-activity-chips.png` });
    await open(page, (await addressOf(request, token, 'admin/hubs/:id'))!);
    await page.waitForTimeout(2500);
    await page.locator('mat-chip-grid').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DIR}/a11y2-${lang}-hub-services.png` });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.screenshot({ path: `${DIR}/a11y2-${lang}-focus-ring.png` });
    await open(page, '/home');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${DIR}/a11y2-${lang}-phone-home.png` });
    await open(page, '/visits/new');
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${DIR}/a11y2-${lang}-phone-visit.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await open(page, '/home');
  await page.locator('mih-language-menu button').click();
  await page.locator('[role="menuitemradio"][lang="es"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
