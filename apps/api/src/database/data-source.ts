// TypeORM options shared by the API, the CLI (migrate, create-admin) and the tests. Migrations are
// listed explicitly so they survive bundling; the schema is never synchronised from the entities.
import 'pg'; // the driver TypeORM loads by name: imported so bundling lists it as a dependency
import { DataSourceOptions } from 'typeorm';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { PersonsVisits1764000000000 } from './migrations/1764000000000-persons-visits';
import { PersonSearchByHub1764100000000 } from './migrations/1764100000000-person-search-by-hub';
import { Referrals1764200000000 } from './migrations/1764200000000-referrals';
import { ActivitiesCases1764300000000 } from './migrations/1764300000000-activities-cases';
import { QuarterLocks1764400000000 } from './migrations/1764400000000-quarter-locks';
import { LoginAttemptsPerSource1764510000000 } from './migrations/1764510000000-login-attempts-per-source';
import { ThrottlerHits1764515000000 } from './migrations/1764515000000-throttler-hits';
import { ReferralFourEyes1764520000000 } from './migrations/1764520000000-referral-four-eyes';
import { RevealQuota1764530000000 } from './migrations/1764530000000-reveal-quota';
import { ProviderLinkPurposes1764540000000 } from './migrations/1764540000000-provider-link-purposes';
import { SessionStartedAt1764560000000 } from './migrations/1764560000000-session-started-at';
import { MustChangePassword1764561000000 } from './migrations/1764561000000-must-change-password';
import { SecondFactor1765100000000 } from './migrations/1765100000000-second-factor';
import { Retention1765300000000 } from './migrations/1765300000000-retention';
import { AuditViewer1765400000000 } from './migrations/1765400000000-audit-viewer';
import { Kreyol1765500000000 } from './migrations/1765500000000-kreyol';
import { VisitsReportColumns1765600000000 } from './migrations/1765600000000-visits-report-columns';
import { AuthContextNotify1765700000000 } from './migrations/1765700000000-auth-context-notify';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { HubEntity } from '../modules/hubs/hub.entity';
import { UserEntity } from '../modules/users/user.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { LoginThrottleEntity } from '../modules/auth/login-throttle.entity';
import { ReferenceItemEntity } from '../modules/reference-lists/reference-item.entity';
import { PersonEntity } from '../modules/persons/person.entity';
import { VisitEntity } from '../modules/visits/visit.entity';
import { ServiceProviderEntity } from '../modules/service-providers/service-provider.entity';
import { ReferralEntity } from '../modules/referrals/referral.entity';
import { ReferralEventEntity } from '../modules/referrals/referral-event.entity';
import { ProviderLinkEntity } from '../modules/referrals/provider-link.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { ActivityEntity } from '../modules/activities/activity.entity';
import { CaseEntity } from '../modules/cases/case.entity';
import { CounselorProfileEntity } from '../modules/counselors/counselor-profile.entity';
import { QuarterLockEntity } from '../modules/quarter-locks/quarter-lock.entity';

/**
 * How close a word of a person search must be to a word of the record (pg_trgm word similarity, 0..1):
 * pg_trgm's default (0.6) misses one-letter typos in long names ('hernadez' scores 0.58).
 */
export const WORD_SIMILARITY_THRESHOLD = 0.45;

export const ENTITIES = [HubEntity, UserEntity, RefreshTokenEntity, LoginThrottleEntity, AuditEventEntity, ReferenceItemEntity, PersonEntity, VisitEntity, ServiceProviderEntity, ReferralEntity, ReferralEventEntity, ProviderLinkEntity, NotificationEntity, CounselorProfileEntity, ActivityEntity, CaseEntity, QuarterLockEntity];
export const MIGRATIONS = [
  Initial1763900000000,
  PersonsVisits1764000000000,
  PersonSearchByHub1764100000000,
  Referrals1764200000000,
  ActivitiesCases1764300000000,
  QuarterLocks1764400000000,
  LoginAttemptsPerSource1764510000000,
  ThrottlerHits1764515000000,
  ReferralFourEyes1764520000000,
  RevealQuota1764530000000,
  ProviderLinkPurposes1764540000000,
  SessionStartedAt1764560000000,
  MustChangePassword1764561000000,
  SecondFactor1765100000000,
  Retention1765300000000,
  AuditViewer1765400000000,
  Kreyol1765500000000,
  VisitsReportColumns1765600000000,
  AuthContextNotify1765700000000,
];

export function dataSourceOptions(url: string, connectTimeoutSeconds = 5): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false, // runMigrations() does it under a lock
    synchronize: false,
    // Fail fast while the database is away (the request answers 503 and the client retries) instead of
    // queueing for ever; keepAlive finds a dead peer behind a silent network. TypeORM attaches the
    // pool's on('error') (an idle connection dropped by a restart is logged and discarded).
    // The person search's word-similarity threshold is set for the session when the connection opens
    // (SET LOCAL in a transaction cost three more round trips per search); nothing else uses <% / %>.
    extra: {
      max: 20,
      application_name: 'mih-api',
      options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`,
      connectionTimeoutMillis: connectTimeoutSeconds * 1000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  };
}
