// Demo counselors, five months of outreach activities and the cases they identified: most at Tecún Umán
// (counselor@example.org is its counselor), some at other hubs, and a TCU inbox with one case waiting past
// 48 hours, so the counselor screens, the inbox and the totals all have something to show.
// Deterministic (a seeded generator, no Math.random): the same demo on every machine, shifted to today.
import { randomUUID } from 'node:crypto';
import type { ActivityType, AgeBand, CaseOutcome, CaseStatus, CaseUrgency, Profile, Sex } from '@mih/contracts';
import { DemoContext } from './demo-context';

interface DemoCounselor {
  email: string;
  displayName: string;
  hub: string;
  community: string;
  languages: string[];
  trainedOn: string;
}

/** counselor@example.org exists already (demo-data.ts); the others are created here, same password. */
const COUNSELORS: DemoCounselor[] = [
  { email: 'counselor@example.org', displayName: 'Carmen López', hub: 'TCU', community: 'Barrio El Progreso, Tecún Umán', languages: ['Español', 'Mam'], trainedOn: '2024-03-12' },
  { email: 'counselor.tcu2@example.org', displayName: 'Rosa Tzul', hub: 'TCU', community: 'Aldea Pueblo Nuevo, Ayutla', languages: ['Español', "K'iche'"], trainedOn: '2024-03-12' },
  { email: 'counselor.qtz@example.org', displayName: 'Lucía Xicará', hub: 'QTZ', community: 'Zona 3, Quetzaltenango', languages: ['Español', "K'iche'"], trainedOn: '2024-06-20' },
  { email: 'counselor.spd@example.org', displayName: 'Dilcia Mejía', hub: 'SPD', community: 'Colonia Rivera Hernández', languages: ['Español'], trainedOn: '2023-11-08' },
  { email: 'counselor.upa@example.org', displayName: 'Marta Obando', hub: 'UPA', community: 'San José de Upala', languages: ['Español'], trainedOn: '2024-01-25' },
  { email: 'counselor.oua@example.org', displayName: 'Nadège Pierre', hub: 'OUA', community: 'Quartier Fort-Liberté', languages: ['Kreyòl', 'Français', 'Español'], trainedOn: '2024-05-02' },
];

const PLACES: Record<string, string[]> = {
  TCU: ['Escuela Oficial Rural Mixta Tecún Umán', 'Parque central de Ayutla', 'Mercado municipal', 'Salón comunal El Progreso', 'Instituto Básico por Cooperativa', 'Iglesia de Pueblo Nuevo'],
  QTZ: ['Instituto Normal de Occidente', 'Salón municipal zona 3', 'Mercado La Democracia'],
  SPD: ['Centro de Alcance Rivera Hernández', 'Escuela Primavera', 'Parque Central de San Pedro Sula'],
  UPA: ['Escuela de San José', 'Salón comunal de Upala'],
  OUA: ['École nationale de Ouanaminthe', 'Marché binational'],
};

const TYPES: ActivityType[] = ['info_session', 'school_talk', 'workshop', 'community_fair', 'campaign_event', 'home_visit'];
const TOPIC_SETS = [
  ['irregular_migration_risks', 'trafficking'],
  ['regular_pathways', 'labour_migration'],
  ['recruitment_fraud', 'labour_migration'],
  ['migrant_rights', 'community_services'],
  ['documents', 'regular_pathways'],
  ['return_reintegration', 'local_employment'],
  ['smuggling', 'irregular_migration_risks'],
];
const CAMPAIGN = 'Piénsalo dos veces';
/** How many activities each hub held over the demo months (TCU is the busy one). */
const ACTIVITIES_PER_HUB: Record<string, number> = { TCU: 60, QTZ: 14, SPD: 16, UPA: 10, OUA: 10 };
const DEMO_DAYS = 150;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface DemoCase {
  hub: string;
  counselor: string;
  hoursAgo: number;
  needCategory: string;
  urgency: CaseUrgency;
  sex: Sex;
  ageBand: AgeBand;
  nationality: string;
  profile: Profile;
  vulnerabilities: string[];
  description: string;
  /** First name and contact, only with consent (the API requires it too). */
  identifying?: { givenName: string; contact?: string };
  status: CaseStatus;
  outcome?: CaseOutcome;
}

const CASES: DemoCase[] = [
  { hub: 'TCU', counselor: 'counselor@example.org', hoursAgo: 60, needCategory: 'child_protection', urgency: 'priority', sex: 'male', ageBand: '12-17', nationality: 'HN', profile: 'in_transit', vulnerabilities: ['unaccompanied_child'], description: 'Adolescente viaja solo desde Honduras; duerme en el parque desde hace dos noches.', status: 'new' },
  { hub: 'TCU', counselor: 'counselor@example.org', hoursAgo: 20, needCategory: 'legal_aid', urgency: 'routine', sex: 'female', ageBand: '18-24', nationality: 'GT', profile: 'intending', vulnerabilities: ['recruitment_fraud_victim'], description: 'Pagó a un reclutador por una visa de trabajo que no llegó; quiere orientación.', identifying: { givenName: 'Ingrid', contact: '+502 4411 2233' }, status: 'new' },
  { hub: 'TCU', counselor: 'counselor.tcu2@example.org', hoursAgo: 4, needCategory: 'gbv_support', urgency: 'emergency', sex: 'female', ageBand: '25-59', nationality: 'SV', profile: 'in_transit', vulnerabilities: ['gbv_survivor'], description: 'Mujer en tránsito relata violencia en la ruta; necesita atención hoy.', status: 'new' },
  { hub: 'TCU', counselor: 'counselor@example.org', hoursAgo: 30, needCategory: 'reintegration', urgency: 'routine', sex: 'male', ageBand: '25-59', nationality: 'GT', profile: 'returnee_deported', vulnerabilities: ['deported_returnee'], description: 'Retornado hace un mes, busca empleo y apoyo para sus documentos.', status: 'in_progress' },
  { hub: 'TCU', counselor: 'counselor@example.org', hoursAgo: 24 * 12, needCategory: 'documentation', urgency: 'routine', sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'family_of_migrant', vulnerabilities: [], description: 'Madre necesita apostillar documentos para reunificación familiar.', status: 'closed', outcome: 'visit_logged' },
  { hub: 'TCU', counselor: 'counselor@example.org', hoursAgo: 24 * 25, needCategory: 'shelter', urgency: 'priority', sex: 'male', ageBand: '18-24', nationality: 'HN', profile: 'in_transit', vulnerabilities: [], description: 'Joven en tránsito sin albergue.', status: 'closed', outcome: 'no_contact' },
  { hub: 'SPD', counselor: 'counselor.spd@example.org', hoursAgo: 10, needCategory: 'psychosocial', urgency: 'routine', sex: 'female', ageBand: '25-59', nationality: 'HN', profile: 'returnee_deported', vulnerabilities: ['deported_returnee'], description: 'Retornada con crisis de ansiedad, pide acompañamiento.', status: 'new' },
];

interface DemoActivityRef {
  id: string;
  occurredOn: string;
}

/** A small deterministic generator (LCG), so the demo's numbers are the same everywhere. */
function generator(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

export async function seedDemoOutreach({ manager, hubIdByCode, userIdByEmail, now }: DemoContext): Promise<string> {
  const counselorIds = await seedCounselors(manager, hubIdByCode, userIdByEmail);
  const activityIdsByHub = await seedActivities(manager, hubIdByCode, counselorIds, userIdByEmail, now);
  await seedCases(manager, hubIdByCode, counselorIds, userIdByEmail, activityIdsByHub, now);
  const activities = Object.values(activityIdsByHub).reduce((sum, refs) => sum + refs.length, 0);
  return `${COUNSELORS.length} counselors, ${activities} activities, ${CASES.length} cases identified`;
}

async function seedCounselors(manager: DemoContext['manager'], hubIdByCode: Map<string, string>, userIdByEmail: Map<string, string>): Promise<Map<string, string>> {
  const [{ password_hash: passwordHash }] = await manager.query('SELECT password_hash FROM users WHERE id = $1', [userIdByEmail.get('counselor@example.org')]);
  const ids = new Map<string, string>();
  for (const c of COUNSELORS) {
    let id = userIdByEmail.get(c.email);
    if (!id) {
      id = randomUUID();
      await manager.query(
        `INSERT INTO users (id, email, display_name, role, password_hash, language, active) VALUES ($1, $2, $3, 'counselor', $4, $5, true)`,
        [id, c.email, c.displayName, passwordHash, c.hub === 'OUA' ? 'fr' : 'es'],
      );
      await manager.query('INSERT INTO user_hubs (user_id, hub_id) VALUES ($1, $2)', [id, hubIdByCode.get(c.hub)]);
    }
    await manager.query('INSERT INTO counselor_profiles (user_id, community, languages, trained_on) VALUES ($1, $2, $3, $4)', [id, c.community, c.languages, c.trainedOn]);
    ids.set(c.email, id);
  }
  return ids;
}

async function seedActivities(
  manager: DemoContext['manager'],
  hubIdByCode: Map<string, string>,
  counselorIds: Map<string, string>,
  userIdByEmail: Map<string, string>,
  now: Date,
): Promise<Record<string, DemoActivityRef[]>> {
  const random = generator(20_260_301);
  const idsByHub: Record<string, DemoActivityRef[]> = {};
  for (const [hub, count] of Object.entries(ACTIVITIES_PER_HUB)) {
    const counselors = COUNSELORS.filter((c) => c.hub === hub).map((c) => counselorIds.get(c.email) as string);
    const staff = hub === 'TCU' ? userIdByEmail.get('staff@example.org') : hub === 'UPA' ? userIdByEmail.get('staff2@example.org') : undefined;
    idsByHub[hub] = [];
    for (let i = 0; i < count; i++) {
      const type = TYPES[random(TYPES.length)];
      const daysAgo = Math.round(((i + 0.5) * DEMO_DAYS) / count);
      const occurredOn = new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
      // School talks reach children; fairs and campaign events reach everyone, in larger numbers.
      const scale = type === 'community_fair' || type === 'campaign_event' ? 8 : type === 'home_visit' ? 1 : 3;
      const children = type === 'school_talk' ? 10 : 1;
      const participants = {
        girls: random(6 * children * scale) + (type === 'school_talk' ? 10 : 0),
        boys: random(6 * children * scale) + (type === 'school_talk' ? 10 : 0),
        women: random(10 * scale) + 1,
        men: random(7 * scale),
        other: random(3) === 0 ? random(3) : 0,
      };
      // Staff hold a few activities alone; otherwise one or two of the hub's counselors, one of whom records it.
      const byStaff = staff !== undefined && i % 7 === 3;
      const held = byStaff ? [] : counselors.length > 1 && random(3) === 0 ? counselors : [counselors[i % counselors.length]];
      const createdBy = byStaff ? (staff as string) : held[0];
      const campaign = type === 'campaign_event' || random(4) === 0 ? CAMPAIGN : null;
      const id = randomUUID();
      const createdAt = new Date(now.getTime() - daysAgo * DAY + 20 * HOUR);
      await manager.query(
        `INSERT INTO activities (id, hub_id, type, occurred_on, place, community, girls, boys, women, men, other, topics, counselor_ids,
           campaign, materials, notes, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL, $16, $17, $17)`,
        [id, hubIdByCode.get(hub), type, occurredOn, PLACES[hub][random(PLACES[hub].length)], COUNSELORS.find((c) => c.hub === hub)?.community ?? null,
          participants.girls, participants.boys, participants.women, participants.men, participants.other, TOPIC_SETS[random(TOPIC_SETS.length)], held,
          campaign, type === 'home_visit' ? null : `${10 + random(15) * 10} folletos`, createdBy, createdAt],
      );
      idsByHub[hub].push({ id, occurredOn });
    }
  }
  return idsByHub;
}

async function seedCases(
  manager: DemoContext['manager'],
  hubIdByCode: Map<string, string>,
  counselorIds: Map<string, string>,
  userIdByEmail: Map<string, string>,
  activityIdsByHub: Record<string, DemoActivityRef[]>,
  now: Date,
): Promise<void> {
  for (const [index, c] of CASES.entries()) {
    const createdAt = new Date(now.getTime() - c.hoursAgo * HOUR);
    const staffId = userIdByEmail.get(c.hub === 'UPA' ? 'staff2@example.org' : 'staff@example.org') as string;
    const worked = c.status !== 'new';
    const takenAt = worked ? new Date(createdAt.getTime() + (3 + index) * HOUR) : null;
    const closedAt = c.status === 'closed' ? new Date(createdAt.getTime() + 3 * DAY) : null;
    const consentDate = createdAt.toISOString().slice(0, 10);
    // Every other case was spotted at the hub's latest activity before it (the list runs newest first).
    const activityId = index % 2 === 0 ? (activityIdsByHub[c.hub]?.find((a) => a.occurredOn <= consentDate)?.id ?? null) : null;
    await manager.query(
      `INSERT INTO cases (id, hub_id, activity_id, need_category, urgency, sex, age_band, nationality, profile, vulnerabilities, description,
         consent_given, consent_purposes, consent_date, given_name, contact, status, outcome, created_by, assigned_to, taken_at, closed_at,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
      [randomUUID(), hubIdByCode.get(c.hub), activityId, c.needCategory, c.urgency, c.sex, c.ageBand,
        c.nationality, c.profile, c.vulnerabilities, c.description, Boolean(c.identifying), c.identifying ? ['contact', 'follow_up'] : [],
        c.identifying ? consentDate : null, c.identifying?.givenName ?? null, c.identifying?.contact ?? null, c.status, c.outcome ?? null,
        counselorIds.get(c.counselor), worked ? staffId : null, takenAt, closedAt, createdAt, closedAt ?? takenAt ?? createdAt],
    );
  }
}
