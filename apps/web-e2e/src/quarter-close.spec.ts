// A supervisor checks the last ended quarter of their country and locks it; then hub staff can no longer
// change that quarter's visits and activities, and are told why. Screenshots in Spanish and English.
import { type APIRequestContext, expect, test } from './support/test';
import { AppPage, DEMO_PASSWORD } from './pages/app.page';
import { VisitFormPage } from './pages/visits.page';

const SUPERVISOR = 'supervisor@example.org';
const STAFF = 'staff@example.org';
const LOCKED_MESSAGE = /Este trimestre está cerrado para este centro: sus atenciones y actividades ya no se pueden cambiar/;

/** The last quarter that has ended, as the page opens on it (the browser's calendar). */
function lastEndedQuarter(today = new Date()): { year: number; quarter: number; month: string } {
  const current = Math.floor(today.getMonth() / 3) + 1;
  const [year, quarter] = current === 1 ? [today.getFullYear() - 1, 4] : [today.getFullYear(), current - 1];
  // The quarter's middle month, for records well inside it whatever the time zone.
  return { year, quarter, month: String((quarter - 1) * 3 + 2).padStart(2, '0') };
}

async function signInApi(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  return (await response.json()).accessToken;
}

async function send<T>(request: APIRequestContext, token: string, method: 'post' | 'patch', url: string, data: unknown, status: number): Promise<T> {
  const response = await request[method](url, { data, headers: { authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(status);
  return response.json();
}

test('a supervisor locks the last ended quarter after its checks; staff can no longer change it', async ({ page, request }) => {
  test.setTimeout(60_000); // two users, two languages, three refused saves
  const { year, quarter, month } = lastEndedQuarter();
  const period = `T${quarter} ${year}`;

  // The demo may have no consultation that long ago: staff log one (with a follow-up left open) and an
  // activity naming no counselor, both failing a check.
  const staffToken = await signInApi(request, STAFF);
  const hubs = await (await request.get('/api/hubs?limit=100', { headers: { authorization: `Bearer ${staffToken}` } })).json();
  const tcu = hubs.items.find((hub: { code: string }) => hub.code === 'TCU');
  const visit = await send<{ id: string; version: number }>(request, staffToken, 'post', '/api/visits', {
    hubId: tcu.id,
    occurredAt: `${year}-${month}-15T10:00:00-06:00`,
    channel: 'phone',
    sex: 'female',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'intending',
    topics: ['documents'],
    followUpOn: `${year}-${month}-20`,
  }, 201);
  const activity = await send<{ id: string }>(request, staffToken, 'post', '/api/activities', {
    hubId: tcu.id,
    type: 'info_session',
    occurredOn: `${year}-${month}-16`,
    place: 'Salón comunal de Ayutla',
    participants: { girls: 4, boys: 3, women: 12, men: 6, other: 0 },
    topics: ['irregular_migration_risks'],
  }, 201);

  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Cierre trimestral').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cierre trimestral' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Trimestre' })).toContainText(`Trimestre ${quarter}`);
  await expect(page.getByRole('combobox', { name: 'Año' })).toContainText(String(year));

  const checks = page.getByRole('region', { name: `Controles de calidad de los datos, ${period}` });
  await expect(checks.getByRole('listitem').filter({ hasText: 'Seguimientos vencidos' }).first()).toContainText('CIM Tecún Umán');
  await expect(checks.getByRole('link', { name: /Abrir la lista.*Seguimientos vencidos/ })).toHaveAttribute('href', '/follow-ups');
  await expect(checks.getByRole('link', { name: /Abrir la lista.*Actividades sin consejero/ })).toHaveAttribute('href', '/activities');
  const hubTable = page.getByRole('region', { name: 'Centros' });
  await expect(hubTable.getByRole('row', { name: /CIM Tecún Umán/ })).toContainText('Abierto');
  await app.screenshot('es-quarter-close');

  await page.getByRole('button', { name: 'Cerrar el trimestre' }).click();
  const dialog = page.getByRole('dialog', { name: `¿Cerrar el ${period}?` });
  await expect(dialog).toContainText(/\d de 6 controles aún encuentran \d+ registro\(s\) por revisar/);
  await dialog.getByRole('button', { name: 'Cerrar', exact: true }).click();
  await expect(page.getByText(new RegExp(`El ${period} está cerrado para \\d+ centro\\(s\\)`))).toBeVisible();
  await page.getByRole('button', { name: 'Aceptar' }).click(); // the notice would hide the table
  const tcuRow = hubTable.getByRole('row', { name: /CIM Tecún Umán/ });
  await expect(tcuRow).toContainText('Cerrado');
  await expect(tcuRow).toContainText('por Sergio Supervisor');
  await expect(page.getByText('Todos los centros de la selección tienen este trimestre cerrado.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar el trimestre' })).toBeDisabled();

  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Quarter close' })).toBeVisible();
  const hubsInEnglish = page.getByRole('region', { name: 'Hubs' });
  await expect(hubsInEnglish.getByRole('row', { name: /CIM Tecún Umán/ })).toContainText('by Sergio Supervisor');
  await hubsInEnglish.scrollIntoViewIfNeeded();
  await app.screenshot('en-quarter-close-locked');
  await app.switchLanguage('Language', 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Cierre trimestral' })).toBeVisible();

  // The API refuses the edit whoever sends it, naming the quarter.
  const refused = await send<{ code: string; message: string }>(request, staffToken, 'patch', `/api/visits/${visit.id}`, { version: visit.version, note: 'Corrección' }, 409);
  expect(refused).toMatchObject({ code: 'quarter_locked', message: `The quarter ${year}-Q${quarter} of this hub is locked; an admin can unlock it` });

  // Staff editing that quarter's activity, or logging a consultation dated in it, are told why it fails.
  await app.signOut(/Cuenta de Sergio Supervisor/, 'Cerrar sesión');
  await app.signIn(STAFF);
  await page.goto(`/activities/${activity.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Editar actividad' })).toBeVisible();
  await page.getByLabel('Lugar').fill('Escuela de Ayutla');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByRole('alert').filter({ hasText: LOCKED_MESSAGE })).toBeVisible();
  await app.screenshot('es-quarter-locked-activity');

  const form = new VisitFormPage(page);
  await app.navLink('Nueva atención').click();
  await page.getByLabel('Fecha y hora').fill(`${year}-${month}-15T11:30`);
  await form.radio('Sexo', 'Mujer').click();
  await form.radio('Edad', '25 a 59 años').click();
  await page.getByRole('combobox', { name: 'Perfil' }).click();
  await page.getByRole('option', { name: 'En tránsito' }).click();
  await form.topics.click();
  await form.typeToFilter(form.topics, 'documentos', 'Documentos y trámites (pasaporte, visas)');
  await page.keyboard.press('Enter');
  await form.saveButton.click();
  await expect(page.getByRole('alert').filter({ hasText: LOCKED_MESSAGE })).toBeVisible();
});
