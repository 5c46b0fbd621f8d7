// Counselor mode on a 360×740 phone: the TCU counselor records an outreach activity (participants by
// sex and age, the total adds itself up) and sends a case with consent; the TCU staff find it in the
// inbox with its response timer, take it, register the person from the case data, log a visit and close
// the case; the counselor then sees only its outcome. Screenshots in Spanish and English go to
// .test-results/screenshots/.
import { type Browser, type BrowserContext, expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { ActivityFormPage, CaseFormPage, ShellMenu } from './pages/counselors.page';

const COUNSELOR = 'counselor@example.org';
const STAFF = 'staff@example.org';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const PLACE = 'Escuela Oficial Rural Mixta Cantón Chiquirines';
const DESCRIPTION = 'Joven en tránsito con su bebé, sin dinero para albergue esta noche.';

test.describe.configure({ mode: 'serial' });
test.use(PHONE);

let personCode = '';

/** The page scrolls inside the shell, so a full-page screenshot shows what is in view: start from the top. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page; app: AppPage }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  return { context, page, app: new AppPage(page) };
}

test('a counselor sees only their own screens and records an activity with participants by sex and age', async ({ page }) => {
  const app = new AppPage(page);
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path);
  });
  await app.signIn(COUNSELOR);
  await expect(page.getByRole('link', { name: /Registrar actividad/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Enviar un caso/ })).toBeVisible();
  // Large touch targets: the two actions are tiles at least 48 px tall.
  // Their latest cases and activities, with status (from the demo data).
  await expect(page.getByRole('list').filter({ hasText: 'En atención' })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Participantes:' })).toBeVisible();
  const tile = await page.getByRole('link', { name: /Registrar actividad/ }).boundingBox();
  expect(tile!.height).toBeGreaterThanOrEqual(48);
  expect(tile!.width).toBeLessThanOrEqual(360);
  await app.screenshot('es-counselor-home');
  // Few requests, none about anyone else's records.
  expect(calls.filter((path) => /\/api\/(persons|visits|notifications|referrals)/.test(path))).toEqual([]);
  expect(calls.filter((path) => !path.startsWith('/api/auth/')).length).toBeLessThanOrEqual(4);

  expect(await new ShellMenu(page).links()).toEqual(['Inicio', 'Nueva actividad', 'Mis actividades', 'Nuevo caso', 'Mis casos', 'Por enviar']);
  // Persons and visits are not theirs to browse: the app sends them home.
  for (const path of ['/persons', '/visits', '/visits/new', '/inbox', '/counselors']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/home$/);
  }

  await page.getByRole('link', { name: /Registrar actividad/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva actividad' })).toBeVisible();
  const form = new ActivityFormPage(page);
  await form.choose('Tipo de actividad', 'Charla en escuela');
  await page.getByLabel('Lugar').fill(PLACE);
  await form.addTopic('riesgos', 'Riesgos de la migración irregular');

  // Nobody counted yet: the total is zero and the form says so.
  await page.getByRole('button', { name: 'Guardar actividad' }).click();
  await expect(page.getByText('Registre al menos una persona participante.')).toBeVisible();
  for (let i = 0; i < 3; i++) await form.plus('Niñas').click();
  await form.participants('Niños').fill('14');
  await form.participants('Mujeres').fill('2');
  await expect(page.getByText('Total de participantes: 19')).toBeVisible();
  await expect(page.getByText('Registre al menos una persona participante.')).toHaveCount(0);
  const plus = await form.plus('Niñas').boundingBox();
  expect(plus!.height).toBeGreaterThanOrEqual(48);
  expect(plus!.width).toBeGreaterThanOrEqual(48);
  await page.getByLabel('Campaña').fill('Piénsalo dos veces');
  await page.getByRole('heading', { name: 'Participantes' }).scrollIntoViewIfNeeded();
  await app.screenshot('es-activity-form-participants');
  await scrollToTop(page);
  await app.screenshot('es-activity-form');

  await page.getByRole('button', { name: 'Guardar actividad' }).click();
  await expect(page.getByText('Actividad registrada')).toBeVisible();
  await expect(page).toHaveURL(/\/activities$/);
  const card = page.getByRole('listitem').filter({ hasText: PLACE });
  await expect(card).toContainText('Charla en escuela');
  await expect(card).toContainText('Participantes: 19');
  await app.screenshot('es-counselor-activities');
});

test('the counselor sends a case identified at the activity, with consent for a name and phone', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(COUNSELOR);
  await page.getByRole('link', { name: /Enviar un caso/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nuevo caso identificado' })).toBeVisible();
  const form = new CaseFormPage(page);
  await form.choose('Necesidad', 'Albergue');
  await form.radio('Urgencia', 'Prioritaria').click();
  await page.getByLabel('Descripción breve').fill(DESCRIPTION);
  await form.choose('Actividad donde se identificó', new RegExp(PLACE));
  await form.radio('Sexo', 'Mujer').click();
  await form.radio('Edad', '18 a 24 años').click();
  await form.choose('Perfil', 'En tránsito');
  // Name and contact stay locked until consent is recorded.
  await expect(page.getByLabel('Nombre', { exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: /aceptó que se registren su nombre y contacto/ }).check();
  await page.getByLabel('Nombre', { exact: true }).fill('Yesenia');
  await page.getByLabel('Teléfono u otro contacto').fill('+502 5555 0101');
  await app.screenshot('es-case-form-consent');
  await scrollToTop(page);
  await app.screenshot('es-case-form');
  await page.getByRole('button', { name: 'Enviar al centro' }).click();

  await expect(page.getByText('Caso enviado al centro')).toBeVisible();
  await expect(page).toHaveURL(/\/cases$/);
  const sent = page.getByRole('listitem').filter({ hasText: 'Albergue' }).first();
  await expect(sent).toContainText('Nuevo');
  await expect(sent).not.toContainText('Yesenia');
  await app.screenshot('es-counselor-cases');
});

test('staff find the case in the inbox, take it, register the person from it, log a visit and close it', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(STAFF);
  expect(await new ShellMenu(page).links()).toContain('Bandeja');
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Bandeja' })).toBeVisible();
  // The demo case that waited 60 hours is overdue (red); ours has just arrived.
  await expect(page.getByText(/Vencido: \d+ h sin respuesta/).first()).toBeVisible();
  const ours = page.getByRole('listitem').filter({ hasText: 'Albergue' }).filter({ hasText: 'Carmen López' });
  await expect(ours).toContainText('Esperando 0 h');
  await expect(ours).toContainText('Prioritaria');
  await app.screenshot('es-inbox');

  await ours.getByRole('link', { name: 'Albergue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Albergue' })).toBeVisible();
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  await expect(page.getByText('+502 5555 0101')).toBeVisible();
  await page.getByRole('button', { name: 'Tomar el caso' }).click();
  await expect(page.getByText('El caso quedó a su cargo.')).toBeVisible();
  await expect(page.getByText('En atención')).toBeVisible();
  await page.getByRole('button', { name: 'Aceptar' }).click(); // the snack bar would hide the page's foot
  await app.screenshot('es-case-page');

  // The person record starts from what the counselor sent.
  await page.getByRole('button', { name: 'Registrar con los datos del caso' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva persona' });
  await expect(dialog.getByRole('radiogroup', { name: 'Sexo' }).getByRole('radio', { name: 'Mujer' })).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByLabel('Nombres')).toHaveValue('Yesenia');
  await expect(dialog.getByLabel('Teléfono')).toHaveValue('+502 5555 0101');
  await dialog.getByRole('button', { name: 'Crear persona' }).click();
  await expect(page.getByText('Persona vinculada al caso.')).toBeVisible();
  const linked = page.getByRole('group', { name: 'Persona del caso' });
  await expect(linked).toContainText(/GT-TCU-\d{6}/);
  personCode = (await linked.getByRole('link', { name: /GT-TCU-/ }).textContent())!.trim();

  // A visit for that person, and back to the case to close it.
  await linked.getByRole('link', { name: 'Registrar atención' }).click();
  await expect(page.getByRole('group', { name: 'Persona vinculada a la atención' })).toContainText(personCode);
  const topics = page.getByRole('combobox', { name: 'Temas' });
  await topics.click();
  await topics.pressSequentially('servicios', { delay: 20 });
  await page.getByRole('option', { name: 'Servicios disponibles en la comunidad' }).click();
  await page.getByRole('button', { name: 'Guardar atención' }).click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]+\?visitLogged=1$/);
  await expect(page.getByRole('combobox', { name: 'Resultado' })).toContainText('Atendido en el centro');
  await page.getByLabel('Comentario').fill('Se gestionó albergue por tres noches.');
  await page.getByRole('button', { name: 'Cerrar caso' }).click();
  await expect(page.getByText('Caso cerrado.')).toBeVisible();
  await expect(page.getByText('Cerrado', { exact: true })).toBeVisible();

  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Bandeja' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Albergue' }).filter({ hasText: 'Carmen López' })).toHaveCount(0);
});

test('the counselor sees the outcome of the case, and nothing of the work on it', async ({ page }) => {
  test.skip(!personCode, 'needs the case closed by the previous test');
  const app = new AppPage(page);
  await app.signIn(COUNSELOR);
  await page.goto('/cases');
  const sent = page.getByRole('listitem').filter({ hasText: 'Albergue' }).first();
  await expect(sent).toContainText('Cerrado');
  await expect(sent).toContainText('Atendido en el centro');
  await expect(page.getByText(personCode)).toHaveCount(0);
  await expect(page.getByText('Se gestionó albergue')).toHaveCount(0);
});

test('screens in English: counselor home, activity form and the inbox', async ({ browser }) => {
  const counselor = await phone(browser);
  await counselor.app.signIn(COUNSELOR);
  await counselor.app.switchLanguage('Idioma', 'English');
  await expect(counselor.page.getByRole('link', { name: /Record an activity/ })).toBeVisible();
  await expect(counselor.page.getByRole('list').filter({ hasText: 'Closed' })).toBeVisible();
  await expect(counselor.page.getByRole('menu')).toHaveCount(0);
  await counselor.app.screenshot('en-counselor-home');
  await counselor.page.getByRole('link', { name: /Record an activity/ }).click();
  await expect(counselor.page.getByRole('heading', { level: 1, name: 'New activity' })).toBeVisible();
  await counselor.page.getByRole('button', { name: 'Add one: Women' }).click();
  await expect(counselor.page.getByText('Total participants: 1')).toBeVisible();
  await scrollToTop(counselor.page);
  await counselor.app.screenshot('en-activity-form');
  await counselor.page.goto('/cases');
  await expect(counselor.page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await counselor.app.screenshot('en-counselor-cases');
  await counselor.app.switchLanguage('Language', 'Español');
  await expect(counselor.page.getByRole('heading', { level: 1, name: 'Mis casos' })).toBeVisible();
  await counselor.context.close();

  const staff = await phone(browser);
  await staff.app.signIn(STAFF);
  await staff.app.switchLanguage('Idioma', 'English');
  await expect(staff.page.getByRole('menu')).toHaveCount(0);
  await staff.page.goto('/inbox');
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(staff.page.getByText(/Overdue: \d+ h without a response/).first()).toBeVisible();
  await staff.app.screenshot('en-inbox');
  await staff.page.goto('/activities');
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
  await expect(staff.page.getByRole('heading', { name: /Totals of \d+ activities/ })).toBeVisible();
  await staff.app.screenshot('en-activity-list');
  await staff.app.switchLanguage('Language', 'Español');
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Actividades' })).toBeVisible();
  await staff.context.close();
});
