// Demo persons and consultations: a few weeks of work at Tecún Umán (the demo staff account's hub), some
// at Upala and San Pedro Sula, follow-ups due today and overdue, so every screen has something to show.
// Deterministic (no randomness): the demo looks the same on every machine, shifted to the current date.
import { randomUUID } from 'node:crypto';
import type { AgeBand, Channel, ConsentPurpose, Profile, Sex } from '@mih/contracts';
import { DemoContext } from './demo-context';

interface DemoPerson {
  hub: string;
  sex: Sex;
  nationality: string;
  profile: Profile;
  birthYear: number;
  ageBand: AgeBand;
  vulnerabilities: string[];
  /** Names and phone only with consent, as the API requires. */
  identifying?: { givenName: string; familyName: string; phone?: string; documentNumber?: string; purposes: ConsentPurpose[] };
  /** Topics of each visit, oldest first; `daysAgo` of the first, the others a week apart. */
  visits: string[][];
  daysAgo: number;
  needs?: string[];
  /** Follow-up of the last visit, in days from today (negative: overdue). */
  followUpInDays?: number;
}

const PERSONS: DemoPerson[] = [
  { hub: 'TCU', sex: 'female', nationality: 'GT', profile: 'returnee_deported', birthYear: 1994, ageBand: '25-59', vulnerabilities: ['deported_returnee', 'single_parent'], identifying: { givenName: 'María Elena', familyName: 'Coyoy Tzul', phone: '+502 5512 3344', purposes: ['follow_up', 'referral', 'contact'] }, visits: [['return_reintegration', 'documents'], ['local_employment']], daysAgo: 20, needs: ['reintegration', 'employment'], followUpInDays: 0 },
  { hub: 'TCU', sex: 'male', nationality: 'HN', profile: 'in_transit', birthYear: 2008, ageBand: '12-17', vulnerabilities: ['unaccompanied_child'], identifying: { givenName: 'Kevin Josué', familyName: 'Mejía Paz', purposes: ['follow_up', 'referral'] }, visits: [['irregular_migration_risks', 'migrant_rights']], daysAgo: 3, needs: ['child_protection', 'shelter'], followUpInDays: -1 },
  { hub: 'TCU', sex: 'female', nationality: 'GT', profile: 'intending', birthYear: 2001, ageBand: '18-24', vulnerabilities: ['recruitment_fraud_victim'], identifying: { givenName: 'Rosa Amalia', familyName: 'Ixcot Bámaca', phone: '+502 4478 9012', purposes: ['follow_up', 'referral', 'contact'] }, visits: [['recruitment_fraud', 'labour_migration'], ['regular_pathways']], daysAgo: 15, needs: ['legal_aid'], followUpInDays: 5 },
  { hub: 'TCU', sex: 'male', nationality: 'GT', profile: 'returnee_deported', birthYear: 1987, ageBand: '25-59', vulnerabilities: ['deported_returnee'], identifying: { givenName: 'Pedro Antonio', familyName: 'Fuentes Orozco', documentNumber: '2456 78901 0901', purposes: ['follow_up', 'referral'] }, visits: [['return_reintegration'], ['local_employment', 'remittances'], ['documents']], daysAgo: 40, needs: ['employment', 'documentation'] },
  { hub: 'TCU', sex: 'female', nationality: 'SV', profile: 'in_transit', birthYear: 1998, ageBand: '25-59', vulnerabilities: ['pregnant', 'gbv_survivor'], identifying: { givenName: 'Yesenia', familyName: 'Rivas Portillo', purposes: ['follow_up', 'referral'] }, visits: [['health', 'migrant_rights']], daysAgo: 2, needs: ['health', 'gbv_support', 'psychosocial'], followUpInDays: 1 },
  { hub: 'TCU', sex: 'female', nationality: 'GT', profile: 'family_of_migrant', birthYear: 1969, ageBand: '25-59', vulnerabilities: ['missing_relative'], visits: [['family_reunification']], daysAgo: 9 },
  { hub: 'TCU', sex: 'male', nationality: 'GT', profile: 'intending', birthYear: 2003, ageBand: '18-24', vulnerabilities: [], visits: [['labour_migration', 'regular_pathways']], daysAgo: 6, needs: ['employment'] },
  { hub: 'TCU', sex: 'female', nationality: 'HN', profile: 'in_transit', birthYear: 2012, ageBand: '12-17', vulnerabilities: ['separated_child'], identifying: { givenName: 'Génesis', familyName: 'Aguilar', purposes: ['follow_up', 'referral'] }, visits: [['irregular_migration_risks', 'trafficking']], daysAgo: 1, needs: ['child_protection'], followUpInDays: 0 },
  { hub: 'UPA', sex: 'female', nationality: 'NI', profile: 'immigrant', birthYear: 1990, ageBand: '25-59', vulnerabilities: [], identifying: { givenName: 'Karla Vanessa', familyName: 'Obando Ruiz', phone: '+506 8812 4455', purposes: ['follow_up', 'contact'] }, visits: [['documents', 'regular_pathways'], ['asylum_refugee']], daysAgo: 25, needs: ['documentation', 'asylum_procedure'], followUpInDays: -3 },
  { hub: 'UPA', sex: 'male', nationality: 'NI', profile: 'asylum_seeker', birthYear: 1979, ageBand: '25-59', vulnerabilities: ['protection_need'], identifying: { givenName: 'Álvaro José', familyName: 'Pérez Téllez', purposes: ['follow_up', 'referral'] }, visits: [['asylum_refugee', 'migrant_rights']], daysAgo: 12, needs: ['asylum_procedure', 'legal_aid'] },
  { hub: 'UPA', sex: 'female', nationality: 'VE', profile: 'in_transit', birthYear: 1996, ageBand: '25-59', vulnerabilities: ['single_parent'], visits: [['community_services', 'health']], daysAgo: 4, needs: ['basic_needs'] },
  { hub: 'SPD', sex: 'male', nationality: 'HN', profile: 'returnee_deported', birthYear: 1999, ageBand: '25-59', vulnerabilities: ['deported_returnee'], identifying: { givenName: 'Wilmer Alexis', familyName: 'Cáceres Banegas', purposes: ['follow_up'] }, visits: [['return_reintegration', 'local_employment']], daysAgo: 7, needs: ['reintegration'] },
];

/** Anonymous consultations (most of a hub's work): [hub, sex, age band, nationality, profile, topics, channel]. */
const ANONYMOUS: [string, Sex, AgeBand, string, Profile, string[], Channel][] = [
  ['TCU', 'female', '25-59', 'GT', 'intending', ['regular_pathways', 'labour_migration'], 'in_person'],
  ['TCU', 'male', '18-24', 'GT', 'intending', ['irregular_migration_risks'], 'in_person'],
  ['TCU', 'female', '18-24', 'HN', 'in_transit', ['migrant_rights', 'community_services'], 'in_person'],
  ['TCU', 'male', '25-59', 'GT', 'returnee_voluntary', ['return_reintegration'], 'phone'],
  ['TCU', 'female', '60+', 'GT', 'family_of_migrant', ['remittances'], 'in_person'],
  ['TCU', 'male', '25-59', 'SV', 'in_transit', ['documents', 'smuggling'], 'messaging'],
  ['TCU', 'female', '25-59', 'GT', 'intending', ['recruitment_fraud'], 'outreach'],
  ['TCU', 'male', '12-17', 'GT', 'intending', ['irregular_migration_risks', 'education'], 'outreach'],
  ['TCU', 'female', '25-59', 'GT', 'family_of_migrant', ['family_reunification'], 'phone'],
  ['TCU', 'male', '25-59', 'GT', 'returnee_deported', ['return_reintegration', 'local_employment'], 'in_person'],
  ['QTZ', 'female', '18-24', 'GT', 'intending', ['labour_migration', 'documents'], 'in_person'],
  ['QTZ', 'male', '25-59', 'GT', 'returnee_deported', ['return_reintegration'], 'in_person'],
  ['UPA', 'female', '25-59', 'NI', 'immigrant', ['documents'], 'in_person'],
  ['UPA', 'male', '18-24', 'NI', 'immigrant', ['local_employment', 'migrant_rights'], 'messaging'],
  ['UPA', 'female', '12-17', 'NI', 'immigrant', ['education'], 'in_person'],
  ['SPD', 'female', '25-59', 'HN', 'intending', ['regular_pathways'], 'in_person'],
  ['SPD', 'male', '25-59', 'HN', 'returnee_deported', ['return_reintegration', 'health'], 'in_person'],
  ['TAP', 'male', '25-59', 'HT', 'in_transit', ['asylum_refugee', 'migrant_rights'], 'in_person'],
  ['TAP', 'female', '18-24', 'VE', 'in_transit', ['health', 'community_services'], 'in_person'],
  ['OUA', 'female', '25-59', 'HT', 'intending', ['recruitment_fraud', 'regular_pathways'], 'in_person'],
];

const STAFF_BY_HUB: Record<string, string> = { TCU: 'staff@example.org', UPA: 'staff2@example.org' };
const FALLBACK_STAFF = 'supervisor@example.org';
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export async function seedDemoConsultations({ manager, hubIdByCode, userIdByEmail, now }: DemoContext): Promise<string> {
  const staffOf = (hub: string) => userIdByEmail.get(STAFF_BY_HUB[hub] ?? FALLBACK_STAFF) as string;
  // Spread over the day, always before now (today's visits included).
  const at = (daysAgo: number, slot: number) => new Date(now.getTime() - daysAgo * DAY - (1 + (slot % 6)) * HOUR - (slot % 2) * 30 * MINUTE);
  const dateIn = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  let visits = 0;

  for (const [index, demo] of PERSONS.entries()) {
    const hubId = hubIdByCode.get(demo.hub) as string;
    const [[{ code }]] = (await manager.query(
      `UPDATE hubs SET next_person_number = next_person_number + 1 WHERE id = $1
       RETURNING country_code || '-' || code || '-' || lpad((next_person_number - 1)::text, 6, '0') AS code`,
      [hubId],
    )) as [{ code: string }[], number];
    const personId = randomUUID();
    const id = demo.identifying;
    await manager.query(
      `INSERT INTO persons (id, hub_id, code, sex, nationality, profile, birth_year, age_band, vulnerabilities, consent_given,
         consent_purposes, consent_date, given_name, family_name, document_number, phone, created_by, created_at, updated_at, search_text)
       VALUES ($1, $2, $3::text, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text, $14::text, $15::text, $16, $17, $18, $18,
         mih_person_search_text($13::text, $14::text, $3::text, $15::text))`,
      [personId, hubId, code, demo.sex, demo.nationality, demo.profile, demo.birthYear, demo.ageBand, demo.vulnerabilities, Boolean(id),
        id?.purposes ?? [], id ? dateIn(-demo.daysAgo) : null, id?.givenName ?? null, id?.familyName ?? null, id?.documentNumber ?? null,
        id?.phone ?? null, staffOf(demo.hub), at(demo.daysAgo, index)],
    );
    for (const [n, topics] of demo.visits.entries()) {
      const last = n === demo.visits.length - 1;
      const daysAgo = Math.max(0, demo.daysAgo - 7 * n);
      await insertVisit(manager, {
        hubId, staffId: staffOf(demo.hub), occurredAt: at(daysAgo, index + n), channel: n === 0 ? 'in_person' : 'phone', personId,
        sex: demo.sex, ageBand: demo.ageBand, nationality: demo.nationality, profile: demo.profile, topics,
        needs: demo.needs ?? [], vulnerabilities: demo.vulnerabilities,
        followUpOn: last && demo.followUpInDays !== undefined ? dateIn(demo.followUpInDays) : null,
      });
      visits++;
    }
  }
  for (const [index, [hub, sex, ageBand, nationality, profile, topics, channel]] of ANONYMOUS.entries()) {
    await insertVisit(manager, {
      hubId: hubIdByCode.get(hub) as string, staffId: staffOf(hub), occurredAt: at(index % 14, index), channel, personId: null,
      sex, ageBand, nationality, profile, topics, needs: [], vulnerabilities: [], followUpOn: null,
    });
    visits++;
  }
  return `${PERSONS.length} persons, ${visits} visits`;
}

interface DemoVisit {
  hubId: string;
  staffId: string;
  occurredAt: Date;
  channel: Channel;
  personId: string | null;
  sex: Sex;
  ageBand: AgeBand;
  nationality: string;
  profile: Profile;
  topics: string[];
  needs: string[];
  vulnerabilities: string[];
  followUpOn: string | null;
}

async function insertVisit(manager: DemoContext['manager'], v: DemoVisit): Promise<void> {
  await manager.query(
    `INSERT INTO visits (id, hub_id, occurred_at, staff_id, channel, person_id, sex, age_band, nationality, profile, topics, needs,
       vulnerabilities, follow_up_on, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $3, $3)`,
    [randomUUID(), v.hubId, v.occurredAt, v.staffId, v.channel, v.personId, v.sex, v.ageBand, v.nationality, v.profile, v.topics, v.needs,
      v.vulnerabilities, v.followUpOn],
  );
}
