// Demo service providers in every demo country and referrals of the Tecún Umán and Upala demo persons in
// each state of the lifecycle (a review queue, an emergency sent without review, an answer from a
// provider, a returned draft, an overdue follow-up), with their timelines and notifications.
// Deterministic: the same on every machine, dated relative to the seeding day.
import { randomUUID } from 'node:crypto';
import type { Language, ReferralEventKind, ReferralStatus, ReferralUrgency, ServiceProviderType } from '@mih/contracts';
import { insertOverdueNotifications } from '../../modules/notifications/overdue-sweep';
import { DemoContext } from './demo-context';

interface DemoProvider {
  key?: string;
  name: string;
  type: ServiceProviderType;
  needs: string[];
  countries: string[];
  admin1?: string;
  municipalities?: string[];
  address?: string;
  phone?: string;
  email?: string;
  hours?: string;
  focalPoint?: string;
  languages: Language[];
  accepting?: boolean;
}

const WEEKDAYS = 'Lunes a viernes 8:00-16:00';

const PROVIDERS: DemoProvider[] = [
  // Guatemala
  { key: 'pgn', name: 'Procuraduría General de la Nación – Niñez y Adolescencia (PGN)', type: 'child_protection', needs: ['child_protection', 'trafficking_assistance'], countries: ['GT'], address: '15 avenida 9-69, zona 13, Ciudad de Guatemala', phone: '+502 2414 8787', email: 'ninez@pgn.example.gt', hours: 'Atención 24 horas', focalPoint: 'Lcda. Ana Lucía Morales, Unidad de Rescate', languages: ['es'] },
  { key: 'casa-tcu', name: 'Casa del Migrante Tecún Umán', type: 'shelter', needs: ['shelter', 'basic_needs', 'health'], countries: ['GT'], admin1: 'San Marcos', municipalities: ['Ayutla'], address: 'Barrio El Centro, Tecún Umán', phone: '+502 7776 8416', hours: 'Ingreso de 16:00 a 20:00', focalPoint: 'Hna. Marta Ramírez, coordinadora', languages: ['es', 'en'] },
  { key: 'svet', name: 'Secretaría contra la Violencia Sexual, Explotación y Trata de Personas (SVET)', type: 'other', needs: ['trafficking_assistance', 'gbv_support', 'psychosocial'], countries: ['GT'], phone: '+502 2504 8888', email: 'atencion@svet.example.gt', hours: WEEKDAYS, focalPoint: 'Departamento de Atención a Víctimas', languages: ['es'] },
  { key: 'mintrab-gt', name: 'Ministerio de Trabajo y Previsión Social – Programa de Movilidad Laboral', type: 'labour', needs: ['employment'], countries: ['GT'], address: '7a avenida 3-33, zona 9, Ciudad de Guatemala', phone: '+502 2422 2500', hours: WEEKDAYS, focalPoint: 'Ventanilla de Movilidad Laboral', languages: ['es'] },
  { key: 'pdh', name: 'Procuraduría de los Derechos Humanos – Defensoría de la Persona Migrante', type: 'legal_aid', needs: ['legal_aid', 'asylum_procedure', 'documentation'], countries: ['GT'], phone: '+502 2424 1717', hours: WEEKDAYS, focalPoint: 'Lic. Carlos Bámaca, defensor', languages: ['es'] },
  { key: 'renap', name: 'Registro Nacional de las Personas (RENAP) – Oficina Ayutla', type: 'other', needs: ['documentation'], countries: ['GT'], admin1: 'San Marcos', municipalities: ['Ayutla'], address: 'Edificio municipal, Tecún Umán', phone: '+502 7776 8121', hours: WEEKDAYS, languages: ['es'] },
  { key: 'salud-ayutla', name: 'Centro de Salud de Ayutla', type: 'health', needs: ['health'], countries: ['GT'], admin1: 'San Marcos', municipalities: ['Ayutla'], address: '3a calle, zona 1, Tecún Umán', phone: '+502 7776 8170', hours: 'Lunes a domingo 7:00-19:00', focalPoint: 'Dra. Lilian Orozco', languages: ['es'] },
  { key: 'popnoj', name: "Asociación Pop No'j – Acompañamiento psicosocial", type: 'psychosocial', needs: ['psychosocial', 'reintegration', 'child_protection'], countries: ['GT'], admin1: 'Huehuetenango', municipalities: ['Huehuetenango', 'Quetzaltenango', 'Ayutla'], phone: '+502 7764 4420', hours: WEEKDAYS, focalPoint: 'Equipo psicosocial', languages: ['es'] },
  // Honduras
  { name: 'Dirección de Niñez, Adolescencia y Familia (DINAF) – San Pedro Sula', type: 'child_protection', needs: ['child_protection'], countries: ['HN'], admin1: 'Cortés', phone: '+504 2556 6120', hours: WEEKDAYS, focalPoint: 'Oficina regional noroccidental', languages: ['es'] },
  { name: 'Centro de Atención al Migrante Retornado (CAMR) – San Pedro Sula', type: 'assisted_return', needs: ['reintegration', 'documentation', 'basic_needs', 'psychosocial'], countries: ['HN'], admin1: 'Cortés', municipalities: ['San Pedro Sula'], phone: '+504 2516 0800', hours: 'Según llegada de vuelos', languages: ['es'] },
  { name: 'Casa Alianza Honduras', type: 'shelter', needs: ['shelter', 'child_protection', 'psychosocial'], countries: ['HN'], phone: '+504 2237 1750', hours: 'Atención 24 horas', languages: ['es', 'en'], accepting: false },
  { name: 'Secretaría de Trabajo y Seguridad Social – Servicio Nacional de Empleo', type: 'labour', needs: ['employment'], countries: ['HN'], phone: '+504 2235 5414', hours: WEEKDAYS, languages: ['es'] },
  // El Salvador
  { name: 'Consejo Nacional de la Primera Infancia, Niñez y Adolescencia (CONAPINA)', type: 'child_protection', needs: ['child_protection'], countries: ['SV'], phone: '+503 2213 4700', hours: WEEKDAYS, languages: ['es'] },
  { name: 'Centro de Atención Integral a Migrantes (CAIM)', type: 'assisted_return', needs: ['reintegration', 'documentation', 'psychosocial'], countries: ['SV'], phone: '+503 2213 7700', hours: WEEKDAYS, languages: ['es'] },
  { name: 'Ciudad Mujer Santa Ana', type: 'health', needs: ['gbv_support', 'health', 'psychosocial'], countries: ['SV'], admin1: 'Santa Ana', municipalities: ['Santa Ana'], phone: '+503 2447 9600', hours: WEEKDAYS, languages: ['es'] },
  // Mexico
  { name: 'Procuraduría de Protección de Niñas, Niños y Adolescentes de Chiapas', type: 'child_protection', needs: ['child_protection'], countries: ['MX'], admin1: 'Chiapas', phone: '+52 961 617 0020', hours: 'Atención 24 horas', languages: ['es'] },
  { name: 'Albergue Belén – Casa del Migrante Tapachula', type: 'shelter', needs: ['shelter', 'basic_needs'], countries: ['MX'], admin1: 'Chiapas', municipalities: ['Tapachula'], phone: '+52 962 625 4812', hours: 'Ingreso de 17:00 a 20:00', languages: ['es', 'en', 'fr'] },
  { name: 'Centro de Derechos Humanos Fray Matías de Córdova', type: 'legal_aid', needs: ['legal_aid', 'asylum_procedure'], countries: ['MX'], admin1: 'Chiapas', municipalities: ['Tapachula'], phone: '+52 962 642 5098', hours: WEEKDAYS, languages: ['es', 'fr'] },
  { name: 'Comisión Mexicana de Ayuda a Refugiados (COMAR) – Tapachula', type: 'legal_aid', needs: ['asylum_procedure'], countries: ['MX'], admin1: 'Chiapas', municipalities: ['Tapachula'], phone: '+52 962 118 1520', hours: WEEKDAYS, languages: ['es', 'en', 'fr'] },
  // Costa Rica
  { name: 'Patronato Nacional de la Infancia (PANI) – Oficina Local Upala', type: 'child_protection', needs: ['child_protection'], countries: ['CR'], admin1: 'Alajuela', municipalities: ['Upala'], phone: '+506 2470 0125', hours: WEEKDAYS, languages: ['es'] },
  { key: 'acai', name: 'Asociación de Consultores y Asesores Internacionales (ACAI)', type: 'legal_aid', needs: ['legal_aid', 'asylum_procedure', 'documentation'], countries: ['CR'], phone: '+506 2224 8820', email: 'refugio@acai.example.cr', hours: WEEKDAYS, focalPoint: 'Área legal de refugio', languages: ['es', 'en'] },
  { name: 'CCSS – Área de Salud Upala', type: 'health', needs: ['health'], countries: ['CR'], admin1: 'Alajuela', municipalities: ['Upala'], phone: '+506 2470 0053', hours: 'Lunes a domingo', languages: ['es'] },
  // Panama
  { name: 'Secretaría Nacional de Niñez, Adolescencia y Familia (SENNIAF) – Chiriquí', type: 'child_protection', needs: ['child_protection'], countries: ['PA'], admin1: 'Chiriquí', phone: '+507 774 1344', hours: WEEKDAYS, languages: ['es'] },
  { name: 'Cruz Roja Panameña – Apoyo psicosocial Chiriquí', type: 'psychosocial', needs: ['psychosocial', 'basic_needs', 'health'], countries: ['PA'], admin1: 'Chiriquí', phone: '+507 775 2471', hours: WEEKDAYS, languages: ['es', 'en'] },
  { name: 'Ministerio de Trabajo y Desarrollo Laboral (MITRADEL) – Chiriquí', type: 'labour', needs: ['employment'], countries: ['PA'], admin1: 'Chiriquí', municipalities: ['David'], phone: '+507 775 4570', hours: WEEKDAYS, languages: ['es'] },
  // Dominican Republic
  { name: 'Consejo Nacional para la Niñez y la Adolescencia (CONANI) – Dajabón', type: 'child_protection', needs: ['child_protection'], countries: ['DO'], admin1: 'Dajabón', municipalities: ['Dajabón'], phone: '+1 809 579 7390', hours: WEEKDAYS, languages: ['es', 'fr'] },
  { name: 'Centro Bonó – Asistencia legal a personas migrantes', type: 'legal_aid', needs: ['legal_aid', 'documentation'], countries: ['DO'], phone: '+1 809 682 4402', hours: WEEKDAYS, languages: ['es', 'fr'] },
  { name: 'Ministerio de Trabajo – Servicio Nacional de Empleo (SENAE) Dajabón', type: 'labour', needs: ['employment'], countries: ['DO'], admin1: 'Dajabón', phone: '+1 809 579 8321', hours: WEEKDAYS, languages: ['es'] },
  // Haiti
  { name: 'Institut du Bien-Être Social et de Recherches (IBESR) – Nord-Est', type: 'child_protection', needs: ['child_protection', 'trafficking_assistance'], countries: ['HT'], admin1: 'Nord-Est', phone: '+509 2813 1140', hours: 'Lun-Ven 8h00-16h00', languages: ['fr'] },
  { name: "Groupe d'Appui aux Rapatriés et Réfugiés (GARR) – Ouanaminthe", type: 'assisted_return', needs: ['reintegration', 'basic_needs', 'legal_aid'], countries: ['HT'], admin1: 'Nord-Est', municipalities: ['Ouanaminthe'], phone: '+509 2813 0526', hours: 'Lun-Ven 8h00-16h00', languages: ['fr', 'es'] },
  { name: 'Hôpital Communautaire de Ouanaminthe', type: 'health', needs: ['health'], countries: ['HT'], admin1: 'Nord-Est', municipalities: ['Ouanaminthe'], phone: '+509 2813 0990', hours: 'Urgences 24 h/24', languages: ['fr'] },
  // Belize
  { name: 'Department of Human Services – Child Protection Unit', type: 'child_protection', needs: ['child_protection'], countries: ['BZ'], phone: '+501 227 7451', hours: 'Mon-Fri 8:00-17:00', languages: ['en', 'es'] },
  { name: 'Refugees Department – Belize City', type: 'legal_aid', needs: ['asylum_procedure', 'documentation'], countries: ['BZ'], phone: '+501 822 3860', hours: 'Mon-Fri 8:00-16:30', languages: ['en', 'es'] },
  { name: 'Help for Progress – Migrant legal aid', type: 'legal_aid', needs: ['legal_aid', 'employment'], countries: ['BZ'], phone: '+501 822 2417', hours: 'Mon-Fri 8:00-16:30', languages: ['en', 'es'] },
  // Across the region
  { name: 'Programa de Retorno Voluntario Asistido y Reintegración (OIM)', type: 'assisted_return', needs: ['assisted_return', 'reintegration'], countries: ['GT', 'HN', 'SV', 'MX', 'CR', 'PA', 'BZ'], email: 'avrr@oim.example.int', hours: WEEKDAYS, focalPoint: 'Unidad de retorno asistido', languages: ['es', 'en'] },
  { name: 'Organisation Internationale pour les Migrations – Retour volontaire assisté', type: 'assisted_return', needs: ['assisted_return', 'reintegration'], countries: ['HT', 'DO'], email: 'rva@oim.example.int', hours: 'Lun-Ven 8h00-16h00', languages: ['fr', 'es'] },
];

interface DemoStep {
  kind: ReferralEventKind;
  from: ReferralStatus | null;
  to: ReferralStatus | null;
  by: string | null;
  daysAgo: number;
  comment?: string;
  viaProviderLink?: boolean;
}

interface DemoReferral {
  hub: string;
  /** The demo person's given name (demo-consultations.ts). */
  person: string;
  provider: string;
  need: string;
  urgency: ReferralUrgency;
  reason: string;
  author: string;
  createdDaysAgo: number;
  dueInDays: number;
  steps: DemoStep[];
  outcome?: string;
  notify: { user: string; kind: string }[];
}

const STAFF = 'staff@example.org';
const STAFF_UPA = 'staff2@example.org';
const SUPERVISOR = 'supervisor@example.org';
const ADMIN = 'admin@example.org';

const REFERRALS: DemoReferral[] = [
  {
    hub: 'TCU', person: 'Kevin Josué', provider: 'pgn', need: 'child_protection', urgency: 'emergency', author: STAFF, createdDaysAgo: 3, dueInDays: -2,
    reason: 'Adolescente de 17 años no acompañado, en tránsito hacia México; duerme en la calle cerca del puente fronterizo.',
    steps: [
      { kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 3 },
      { kind: 'approve', from: 'submitted', to: 'approved', by: null, daysAgo: 3 },
    ],
    notify: [{ user: SUPERVISOR, kind: 'referral_emergency_sent' }],
  },
  {
    hub: 'TCU', person: 'Génesis', provider: 'svet', need: 'trafficking_assistance', urgency: 'priority', author: STAFF, createdDaysAgo: 1, dueInDays: 2,
    reason: 'Niña separada de su familia; relata ofrecimiento de trabajo en Tapachula por un desconocido. Posible caso de trata.',
    steps: [{ kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 1 }],
    notify: [{ user: SUPERVISOR, kind: 'referral_submitted' }],
  },
  {
    hub: 'TCU', person: 'Yesenia', provider: 'popnoj', need: 'psychosocial', urgency: 'routine', author: STAFF, createdDaysAgo: 2, dueInDays: 8,
    reason: 'Mujer embarazada en tránsito, sobreviviente de violencia; solicita acompañamiento psicosocial.',
    steps: [{ kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 2 }],
    notify: [{ user: SUPERVISOR, kind: 'referral_submitted' }],
  },
  {
    hub: 'TCU', person: 'Yesenia', provider: 'salud-ayutla', need: 'health', urgency: 'priority', author: STAFF, createdDaysAgo: 0, dueInDays: 3,
    reason: 'Control prenatal: 28 semanas de embarazo, sin controles desde que salió de El Salvador.',
    steps: [],
    notify: [],
  },
  {
    hub: 'TCU', person: 'Rosa Amalia', provider: 'pdh', need: 'legal_aid', urgency: 'routine', author: STAFF, createdDaysAgo: 12, dueInDays: 5,
    reason: 'Pagó a un reclutador por una oferta de trabajo en el extranjero que resultó falsa; quiere presentar denuncia.',
    steps: [
      { kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 12 },
      { kind: 'approve', from: 'submitted', to: 'approved', by: SUPERVISOR, daysAgo: 11 },
      { kind: 'provider_link', from: null, to: null, by: STAFF, daysAgo: 11 },
      { kind: 'accept', from: 'approved', to: 'accepted', by: null, daysAgo: 9, viaProviderLink: true, comment: 'Cita asignada con el defensor para el jueves.' },
    ],
    notify: [{ user: STAFF, kind: 'referral_provider_answered' }],
  },
  {
    hub: 'TCU', person: 'María Elena', provider: 'mintrab-gt', need: 'employment', urgency: 'routine', author: STAFF, createdDaysAgo: 19, dueInDays: -9,
    reason: 'Retornada deportada, madre sola; busca empleo formal y le interesa el programa de trabajo temporal.',
    steps: [
      { kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 19 },
      { kind: 'approve', from: 'submitted', to: 'approved', by: SUPERVISOR, daysAgo: 18 },
      { kind: 'accept', from: 'approved', to: 'accepted', by: STAFF, daysAgo: 15, comment: 'Confirmado por teléfono con la ventanilla.' },
      { kind: 'provider_link', from: null, to: null, by: STAFF, daysAgo: 15 },
      { kind: 'complete', from: 'accepted', to: 'completed', by: null, daysAgo: 6, viaProviderLink: true, comment: 'Inscrita en el registro de trabajadores; entrevista realizada, queda en lista de espera.' },
    ],
    outcome: 'Inscrita en el registro de trabajadores; entrevista realizada, queda en lista de espera.',
    notify: [{ user: STAFF, kind: 'referral_provider_answered' }],
  },
  {
    hub: 'TCU', person: 'Pedro Antonio', provider: 'renap', need: 'documentation', urgency: 'routine', author: STAFF, createdDaysAgo: 6, dueInDays: 4,
    reason: 'Retornado sin documento de identificación; necesita reposición para trámites de empleo.',
    steps: [
      { kind: 'submit', from: 'draft', to: 'submitted', by: STAFF, daysAgo: 6 },
      { kind: 'return', from: 'submitted', to: 'returned', by: SUPERVISOR, daysAgo: 5, comment: 'Indicar qué documento necesita (DPI o certificado de nacimiento) y si tiene la partida.' },
    ],
    notify: [{ user: STAFF, kind: 'referral_returned' }],
  },
  {
    hub: 'UPA', person: 'Álvaro José', provider: 'acai', need: 'asylum_procedure', urgency: 'priority', author: STAFF_UPA, createdDaysAgo: 4, dueInDays: 1,
    reason: 'Solicitante de refugio nicaragüense; necesita orientación legal antes de su entrevista de elegibilidad.',
    steps: [
      { kind: 'submit', from: 'draft', to: 'submitted', by: STAFF_UPA, daysAgo: 4 },
      { kind: 'approve', from: 'submitted', to: 'approved', by: ADMIN, daysAgo: 3 },
    ],
    notify: [],
  },
];

const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoReferrals({ manager, hubIdByCode, userIdByEmail, now }: DemoContext): Promise<string> {
  const providerIds = new Map<string, string>();
  for (const p of PROVIDERS) {
    const [{ id }] = await manager.query(
      `INSERT INTO service_providers (name, type, need_categories, country_codes, admin1, municipalities, address, phone, email, opening_hours,
         focal_point, languages, accepting_referrals)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [p.name, p.type, p.needs, p.countries, p.admin1 ?? null, p.municipalities ?? [], p.address ?? null, p.phone ?? null, p.email ?? null,
        p.hours ?? null, p.focalPoint ?? null, p.languages, p.accepting ?? true],
    );
    if (p.key) providerIds.set(p.key, id);
  }

  const user = (email: string | null) => (email ? (userIdByEmail.get(email) as string) : null);
  // Office hours, a few minutes apart per step, so timelines read in order.
  const at = (daysAgo: number, minute: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, 15, minute));
  const dateIn = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  let referrals = 0;

  for (const demo of REFERRALS) {
    const hubId = hubIdByCode.get(demo.hub) as string;
    const [person] = await manager.query('SELECT id FROM persons WHERE hub_id = $1 AND given_name = $2 ORDER BY created_at LIMIT 1', [hubId, demo.person]);
    if (!person) continue; // the consultations demo changed: leave this one out rather than invent a person
    const id = randomUUID();
    const last = demo.steps[demo.steps.length - 1];
    const status = [...demo.steps].reverse().find((s) => s.to)?.to ?? 'draft';
    const submitted = demo.steps.find((s) => s.kind === 'submit');
    const created = at(demo.createdDaysAgo, 0);
    const updated = last ? at(last.daysAgo, 10 + demo.steps.length) : created;
    await manager.query(
      `INSERT INTO referrals (id, person_id, hub_id, service_provider_id, need_category, urgency, reason, consent_to_share, status, due_on,
         outcome, assigned_to, created_by, submitted_at, version, created_at, updated_at, review_skipped)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16)`,
      [id, person.id, hubId, providerIds.get(demo.provider), demo.need, demo.urgency, demo.reason, status, dateIn(demo.dueInDays),
        demo.outcome ?? null, user(demo.author), submitted ? at(submitted.daysAgo, 5) : null, 1 + demo.steps.filter((s) => s.to).length, created, updated,
        demo.steps.some((s) => s.kind === 'approve' && s.by === null)],
    );
    await addEvent(manager, id, { kind: 'create', from: null, to: 'draft', by: demo.author, daysAgo: demo.createdDaysAgo }, user, at(demo.createdDaysAgo, 0));
    for (const [n, step] of demo.steps.entries()) await addEvent(manager, id, step, user, at(step.daysAgo, 5 + n));
    for (const notice of demo.notify) {
      await manager.query('INSERT INTO notifications (user_id, kind, referral_id, created_at) VALUES ($1, $2, $3, $4)', [user(notice.user), notice.kind, id, updated]);
    }
    referrals++;
  }
  const overdue = await insertOverdueNotifications(manager, now.toISOString().slice(0, 10));
  return `${PROVIDERS.length} service providers, ${referrals} referrals, ${overdue} overdue notices`;
}

async function addEvent(manager: DemoContext['manager'], referralId: string, step: DemoStep, user: (email: string | null) => string | null, occurredAt: Date) {
  await manager.query(
    `INSERT INTO referral_events (referral_id, kind, from_status, to_status, actor_id, via_provider_link, comment, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [referralId, step.kind, step.from, step.to, user(step.by), step.viaProviderLink ?? false, step.comment ?? null, occurredAt],
  );
}
