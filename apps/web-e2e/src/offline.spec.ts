// Offline field mode: records saved with no link wait in the browser's outbox and reach the server by
// themselves, exactly once (checked through the API), whatever the link does meanwhile; what the server
// refuses waits under "needs attention" to be fixed; tabs share one outbox; users of a shared browser
// never see each other's records. The link is cut for real: `context.setOffline` and `route.abort()`.
import { type Browser, type BrowserContext, expect, type Page, test } from './support/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppPage } from './pages/app.page';
import { CaseFormPage } from './pages/counselors.page';
import { Api, SentCreates, outboxRows, syncStatus } from './pages/offline.page';
import { VisitFormPage } from './pages/visits.page';

const STAFF = 'staff@example.org';
const STAFF_UPALA = 'staff2@example.org';
const COUNSELOR = 'counselor@example.org';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const SAVED_ON_DEVICE = 'Guardado en este dispositivo';

test.describe.configure({ mode: 'serial' });

async function fillAnonymousVisit(page: Page, note: string): Promise<void> {
  const form = new VisitFormPage(page);
  await form.radio('Sexo', 'Mujer').click();
  await form.radio('Edad', '25 a 59 años').click();
  await new AppPage(page).chooseOption('Perfil', 'En tránsito');
  await form.topics.click();
  await form.typeToFilter(form.topics, 'documentos', 'Documentos y trámites (pasaporte, visas)');
  await page.keyboard.press('Enter');
  await page.getByLabel('Nota').fill(note);
}

/** The visit form, loaded with its hubs and lists (what must be in place before the link goes). */
async function openVisitForm(page: Page): Promise<void> {
  await page.goto('/visits/new');
  await expect(new VisitFormPage(page).radio('Sexo', 'Mujer')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Nacionalidad' })).not.toBeEmpty();
}

async function newSession(browser: Browser, email: string, options = {}): Promise<{ context: BrowserContext; page: Page; app: AppPage }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn(email);
  return { context, page, app };
}

test('a visit saved with no connection waits as pending and reaches the server once when the link is back', async ({ browser, request }) => {
  const started = new Date(Date.now() - 60_000);
  const { context, page, app } = await newSession(browser, STAFF);
  const sent = new SentCreates(page);
  const api = await Api.as(request, STAFF);
  const before = (await api.visitsSince(started)).length;

  // Both screens once online, in the app (without the service worker, a page's code loads on first use).
  await app.navLink('Atenciones').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atenciones' })).toBeVisible();
  await app.navLink('Nueva atención').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva atención' })).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText(/Sin conexión\. Puedes registrar atenciones/)).toBeVisible();
  // What needs the server says so, instead of "nobody matches".
  await new VisitFormPage(page).personSearch.fill('maria');
  await expect(page.getByRole('option', { name: /La búsqueda necesita conexión/ })).toBeVisible();
  await new VisitFormPage(page).personSearch.fill('');
  await page.keyboard.press('Escape');

  await fillAnonymousVisit(page, 'Sin conexión en la frontera');
  await new VisitFormPage(page).saveButton.click();
  await expect(page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();
  await expect(syncStatus(page)).toContainText('Pendientes: 1');

  // The list shows it first, marked pending, although the server's part of the list cannot load.
  await app.navLink('Atenciones').click();
  const pending = page.getByRole('region', { name: 'Guardados en este dispositivo, aún sin enviar' });
  await expect(pending.getByText('Pendiente', { exact: true })).toBeVisible();
  await expect(pending).toContainText('Documentos y trámites');
  await app.screenshot('es-offline-visit-pending');
  expect(sent.ids('/api/visits')).toEqual([]);
  expect(await api.visitsSince(started)).toHaveLength(before);

  await context.setOffline(false);
  await expect(syncStatus(page)).toContainText('Todo enviado', { timeout: 10_000 });
  await expect(pending).toHaveCount(0);

  const [id] = sent.ids('/api/visits');
  expect(new Set(sent.ids('/api/visits'))).toEqual(new Set([id]));
  const stored = await api.get<{ id: string; note: string }>(`/api/visits/${id}`);
  expect(stored.note).toBe('Sin conexión en la frontera');
  expect(await api.visitsSince(started)).toHaveLength(before + 1);
  await context.close();
});

test('on a flaky link a visit is stored once: the first send is lost on the way, the answer to the second is lost after the commit', async ({ browser, request }) => {
  const started = new Date(Date.now() - 60_000);
  const { context, page } = await newSession(browser, STAFF);
  const api = await Api.as(request, STAFF);
  const before = (await api.visitsSince(started)).length;
  const statuses: string[] = [];
  let attempt = 0;
  await page.route('**/api/visits', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    attempt++;
    if (attempt === 1) {
      statuses.push('lost before the server');
      return route.abort('connectionreset');
    }
    if (attempt === 2) {
      const response = await route.fetch(); // the server stores it…
      statuses.push(`stored (${response.status()}), answer lost`);
      return route.abort('connectionreset'); // …and the browser never hears back
    }
    statuses.push('sent again');
    return route.continue();
  });
  const sent = new SentCreates(page);

  await openVisitForm(page);
  await fillAnonymousVisit(page, 'Enlace intermitente');
  await new VisitFormPage(page).saveButton.click();
  await expect(page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();

  // Nobody touches anything: backoff retries until the server's answer arrives.
  await expect(syncStatus(page)).toContainText('Todo enviado', { timeout: 15_000 });
  expect(statuses).toEqual(['lost before the server', 'stored (201), answer lost', 'sent again']);
  const ids = sent.ids('/api/visits');
  expect(ids).toHaveLength(3);
  expect(new Set(ids).size).toBe(1);
  await api.get(`/api/visits/${ids[0]}`);
  expect(await api.visitsSince(started)).toHaveLength(before + 1);
  await context.close();
});

test('a visit refused while it waited (its quarter was locked) needs attention with the reason, and is fixed and resent', async ({ browser, request }) => {
  const admin = await Api.as(request, 'admin@example.org');
  const staff = await Api.as(request, STAFF_UPALA);
  const hubs = await staff.get<{ items: { id: string; code: string }[] }>('/api/hubs');
  const upala = hubs.items[0];
  const today = new Date();
  const current = Math.floor(today.getMonth() / 3) + 1;
  const [year, quarter] = current === 1 ? [today.getFullYear() - 1, 4] : [today.getFullYear(), current - 1];
  const month = String((quarter - 1) * 3 + 2).padStart(2, '0');

  const { context, page, app } = await newSession(browser, STAFF_UPALA);
  const sent = new SentCreates(page);
  try {
    await openVisitForm(page);
    await context.setOffline(true);
    await fillAnonymousVisit(page, 'Registrada después, con la fecha de la consulta');
    await page.getByLabel('Fecha y hora').fill(`${year}-${month}-15T10:30`);
    await new VisitFormPage(page).saveButton.click();
    await expect(page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();

    // Meanwhile the quarter of that date closes for the hub.
    await admin.post('/api/quarter-locks', { year, quarter, hubId: upala.id }, 201);
    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText('Requieren atención: 1', { timeout: 10_000 });

    await syncStatus(page).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pendientes de envío' })).toBeVisible();
    const item = page.locator('li.item', { hasText: 'Requiere atención' });
    await expect(item.getByRole('note')).toContainText('Este trimestre está cerrado para este centro');
    await app.screenshot('es-offline-needs-attention');

    // Fix: the consultation really was today; same record, same id.
    await item.getByRole('button', { name: 'Corregir' }).click();
    await expect(page).toHaveURL(/\/visits\/new\?fix=/);
    await expect(page.getByRole('alert')).toContainText('Este trimestre está cerrado');
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel('Fecha y hora').fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`);
    await new VisitFormPage(page).saveButton.click();
    await expect(page.getByText('Atención registrada')).toBeVisible();
    await expect(page).toHaveURL(/\/outbox$/);
    await expect(page.getByText('No hay nada pendiente')).toBeVisible();

    const ids = sent.ids('/api/visits');
    expect(new Set(ids).size).toBe(1);
    const stored = await staff.get<{ occurredAt: string; note: string }>(`/api/visits/${ids[0]}`);
    expect(new Date(stored.occurredAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);
  } finally {
    await admin.post('/api/quarter-locks/unlock', { year, quarter, hubIds: [upala.id], reason: 'Browser test of the offline outbox' }, 200);
    await context.close();
  }
});

test('two tabs share one outbox and never send a record twice; sign-out asks, and another user sees none of them', async ({ browser, request }) => {
  const { context, page, app } = await newSession(browser, STAFF);
  const second = await context.newPage();
  await openVisitForm(second);
  await openVisitForm(page);
  const sent = new SentCreates(page, second);

  await context.setOffline(true);
  await fillAnonymousVisit(page, 'Primera pestaña');
  await new VisitFormPage(page).saveButton.click();
  await expect(page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();
  await fillAnonymousVisit(second, 'Segunda pestaña');
  await new VisitFormPage(second).saveButton.click();
  await expect(second.getByText(SAVED_ON_DEVICE).first()).toBeVisible();
  // Each tab sees both: one outbox.
  await expect(syncStatus(page)).toContainText('Pendientes: 2');
  await expect(syncStatus(second)).toContainText('Pendientes: 2');

  // Both tabs hear "online" at once and both try to send.
  await context.setOffline(false);
  await expect(syncStatus(page)).toContainText('Todo enviado', { timeout: 10_000 });
  await expect(syncStatus(second)).toContainText('Todo enviado');
  const ids = sent.ids('/api/visits');
  expect(ids).toHaveLength(2);
  expect(new Set(ids).size).toBe(2);
  await second.close();

  // A record still waiting when the user signs out: the app asks, and keeps it for them.
  await context.setOffline(true);
  await fillAnonymousVisit(page, 'Queda para después');
  await new VisitFormPage(page).saveButton.click();
  await expect(page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();
  await page.getByRole('button', { name: /Cuenta de/ }).click();
  await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  const ask = page.getByRole('dialog', { name: 'Tienes registros sin enviar' });
  await expect(ask).toContainText('1 registros esperan la conexión');
  await app.screenshot('es-offline-sign-out');
  await ask.getByRole('button', { name: 'Cerrar sesión de todos modos' }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.setOffline(false);

  // Another user of the same browser: none of it shows, none of it is sent.
  await app.signIn(STAFF_UPALA);
  await expect(syncStatus(page)).toContainText('Todo enviado');
  await page.goto('/outbox');
  await expect(page.getByText('No hay nada pendiente')).toBeVisible();
  await page.goto('/visits');
  await expect(page.getByRole('region', { name: 'Guardados en este dispositivo, aún sin enviar' })).toHaveCount(0);
  expect(await outboxRows(page)).toEqual([expect.objectContaining({ kind: 'visit', status: 'pending' })]);
  expect(sent.ids('/api/visits')).toHaveLength(2);

  // Its owner signs in again: it goes.
  await app.signOut(/Cuenta de/, 'Cerrar sesión');
  await app.signIn(STAFF);
  await expect.poll(() => outboxRows(page), { timeout: 10_000 }).toEqual([]);
  await expect(syncStatus(page)).toContainText('Todo enviado');
  const api = await Api.as(request, STAFF);
  const last = sent.ids('/api/visits').at(-1)!;
  expect((await api.get<{ note: string }>(`/api/visits/${last}`)).note).toBe('Queda para después');
  await context.close();
});

test('records waiting on a browser that must be cleared move to another one in an encrypted backup, and still arrive once', async ({ browser, request }, testInfo) => {
  const api = await Api.as(request, STAFF);
  const old = await newSession(browser, STAFF);
  const oldSent = new SentCreates(old.page);
  await syncStatus(old.page).click(); // the outbox page once online (its code loads on first use)
  await expect(old.page.getByRole('heading', { level: 1, name: 'Pendientes de envío' })).toBeVisible();
  await old.app.navLink('Nueva atención').click();
  await expect(new VisitFormPage(old.page).radio('Sexo', 'Mujer')).toBeVisible();
  await old.context.setOffline(true);
  await fillAnonymousVisit(old.page, 'Viaja en la copia de seguridad');
  await new VisitFormPage(old.page).saveButton.click();
  await expect(old.page.getByText(SAVED_ON_DEVICE).first()).toBeVisible();

  await syncStatus(old.page).click();
  await old.page.getByLabel('Contraseña de la copia').fill('mango verde 2026');
  const downloading = old.page.waitForEvent('download');
  await old.page.getByRole('button', { name: 'Guardar copia' }).click();
  const file = testInfo.outputPath('pendientes.mihbackup');
  await (await downloading).saveAs(file);
  expect(readFileSync(file, 'utf8')).not.toContain('Viaja en la copia'); // sealed, not readable
  // "Don't clear the browser" no longer applies: this one is wiped.
  await old.page.getByRole('button', { name: 'Borrar mis registros pendientes' }).click();
  await old.page.getByRole('dialog').getByRole('button', { name: 'Borrar mis registros pendientes' }).click();
  await expect(old.page.getByText('No hay nada pendiente')).toBeVisible();
  await old.context.close();
  expect(oldSent.ids('/api/visits')).toEqual([]);

  const fresh = await newSession(browser, STAFF);
  const freshSent = new SentCreates(fresh.page);
  await syncStatus(fresh.page).click();
  const backupFile = fresh.page.getByLabel('Archivo de copia');
  await fresh.page.getByLabel('Contraseña de la copia').fill('mango maduro 2026');
  await backupFile.setInputFiles(file);
  await expect(fresh.page.getByRole('alert')).toContainText('la contraseña no es correcta');
  await fresh.page.getByLabel('Contraseña de la copia').fill('mango verde 2026');
  await backupFile.setInputFiles(file);
  await expect(fresh.page.getByText('Copia cargada: 1 registros añadidos, 0 ya estaban.')).toBeVisible();
  await expect(syncStatus(fresh.page)).toContainText('Todo enviado', { timeout: 10_000 });
  // The same file again: the record is on the server already, under its own id: not a second copy.
  await backupFile.setInputFiles(file);
  await expect(syncStatus(fresh.page)).toContainText('Todo enviado', { timeout: 10_000 });

  const ids = freshSent.ids('/api/visits');
  expect(ids.length).toBeGreaterThanOrEqual(1);
  expect(new Set(ids).size).toBe(1);
  expect((await api.get<{ note: string }>(`/api/visits/${ids[0]}`)).note).toBe('Viaja en la copia de seguridad');
  await fresh.context.close();
});

/** A UI text in one language, read from the app's own translation files. */
function label(lang: 'es' | 'en', key: string, params: Record<string, string> = {}): string {
  let value: unknown = JSON.parse(readFileSync(resolve(__dirname, `../../web/src/i18n/${lang}.json`), 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  return Object.entries(params).reduce((text, [name, v]) => text.replace(`{{ ${name} }}`, v), String(value));
}

/** On a phone the navigation is behind the menu button. */
async function navigate(page: Page, lang: 'es' | 'en', link: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: label(lang, 'shell.navigation') });
  await expect(nav).toBeHidden(); // the menu closes after each navigation; wait until it has
  await page.getByRole('button', { name: label(lang, 'shell.menu') }).click();
  await nav.getByRole('link', { name: link, exact: true }).click();
  await expect(nav).toBeHidden();
}

for (const lang of ['es', 'en'] as const) {
  test(`a counselor on a phone records an activity and a case with no connection, then sees them sync (${lang})`, async ({ browser, request }) => {
    const t = (key: string, params?: Record<string, string>) => label(lang, key, params);
    const place = lang === 'es' ? 'Aldea El Naranjo (sin señal)' : 'El Naranjo village (no signal)';
    const { context, page, app } = await newSession(browser, COUNSELOR, PHONE);
    const sent = new SentCreates(page);
    if (lang === 'en') await app.switchLanguage('Idioma', 'English');
    // Every screen once online, in the app: without the service worker, a page's code loads on first use.
    for (const link of ['nav.myActivities', 'nav.myCases', 'nav.newCase', 'nav.home', 'nav.newActivity']) await navigate(page, lang, t(link));
    await expect(page.getByRole('heading', { level: 1, name: t('activities.newTitle') })).toBeVisible();
    await context.setOffline(true);

    await page.getByRole('combobox', { name: t('activities.fields.type') }).press('Enter');
    await page.getByRole('option', { name: t('activityTypes.school_talk') }).click();
    await page.getByLabel(t('activities.fields.place')).fill(place);
    const topics = page.getByRole('combobox', { name: t('activities.fields.topics') });
    await topics.click();
    await topics.pressSequentially(lang === 'es' ? 'riesgos' : 'risks', { delay: 20 });
    await page.getByRole('option').first().click();
    const girls = t('activities.increase', { group: t('participantGroups.girls') });
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: girls }).click();
    await page.getByRole('button', { name: t('activities.save') }).click();
    await expect(page.getByText(t('offline.savedOnDevice')).first()).toBeVisible();
    await expect(page.getByRole('region', { name: t('offline.pendingInList') })).toContainText(place);

    await navigate(page, lang, t('nav.newCase'));
    const form = new CaseFormPage(page);
    await form.choose(t('cases.fields.needCategory'), lang === 'es' ? 'Albergue' : 'Shelter');
    await form.radio(t('cases.fields.urgency'), t('cases.urgency.priority')).click();
    await page.getByLabel(t('cases.fields.description')).fill(lang === 'es' ? 'Madre con dos niños, sin albergue esta noche.' : 'Mother with two children, no shelter tonight.');
    // The activity saved a minute ago, still on this device, can be named: the case waits for it.
    await form.choose(t('cases.fields.activity'), new RegExp(place.replace(/[()]/g, '.')));
    await form.radio(t('visits.fields.sex'), lang === 'es' ? 'Mujer' : 'Female').click();
    await form.radio(t('visits.fields.ageBand'), lang === 'es' ? '25 a 59 años' : '25 to 59 years').click();
    await form.choose(t('visits.fields.profile'), lang === 'es' ? 'En tránsito' : 'In transit');
    await page.getByRole('button', { name: t('cases.save') }).click();
    await expect(page.getByText(t('offline.savedOnDevice')).first()).toBeVisible();

    await expect(syncStatus(page)).toContainText(t('offline.waiting', { count: '2' }));
    await navigate(page, lang, t('nav.home'));
    const pending = page.getByRole('region', { name: t('offline.pendingInList') });
    await expect(pending.getByText(t('offline.status.pending'), { exact: true })).toHaveCount(2);
    await app.screenshot(`${lang}-offline-counselor-pending`);
    expect(sent.ids('/api/activities')).toEqual([]);

    await context.setOffline(false);
    await expect(syncStatus(page)).toContainText(t('offline.allSynced'), { timeout: 10_000 });
    await expect(pending).toHaveCount(0);
    await app.screenshot(`${lang}-offline-counselor-synced`);

    const api = await Api.as(request, COUNSELOR);
    const [activityId] = sent.ids('/api/activities');
    const [caseId] = sent.ids('/api/cases');
    expect((await api.get<{ place: string }>(`/api/activities/${activityId}`)).place).toBe(place);
    const mine = await api.get<{ items: { id: string }[] }>('/api/cases?limit=100');
    expect(mine.items.filter((c) => c.id === caseId)).toHaveLength(1);
    expect(new Set(sent.ids('/api/activities')).size).toBe(1);
    expect(new Set(sent.ids('/api/cases')).size).toBe(1);
    // The language is remembered on the account: give the next specs the counselor they expect.
    if (lang === 'en') await app.switchLanguage('Language', 'Español');
    await context.close();
  });
}
