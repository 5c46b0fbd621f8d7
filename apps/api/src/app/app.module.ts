import { Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { HeavyReadsModule } from '../common/heavy-reads';
import { AppConfig, validateConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source';
import { AuditModule } from '../modules/audit/audit.module';
import { AuthModule } from '../modules/auth/auth.module';
import { HealthModule } from '../modules/health/health.module';
import { HubsModule } from '../modules/hubs/hubs.module';
import { PersonsModule } from '../modules/persons/persons.module';
import { ReferenceListsModule } from '../modules/reference-lists/reference-lists.module';
import { UsersModule } from '../modules/users/users.module';
import { VisitsModule } from '../modules/visits/visits.module';
import { ServiceProvidersModule } from '../modules/service-providers/service-providers.module';
import { ReferralsModule } from '../modules/referrals/referrals.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { ReportsModule } from '../modules/reports/reports.module';
import { ActivitiesModule } from '../modules/activities/activities.module';
import { CasesModule } from '../modules/cases/cases.module';
import { ExportsModule } from '../modules/exports/exports.module';
import { CounselorsModule } from '../modules/counselors/counselors.module';
import { QuarterLocksModule } from '../modules/quarter-locks/quarter-locks.module';
import { RetentionModule } from '../modules/retention/retention.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.get('LOG_LEVEL', { infer: true }),
          // Only method, path and status: query strings can carry search terms (names), bodies personal data.
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        ...dataSourceOptions(config.get('DATABASE_URL', { infer: true }), config.get('DATABASE_CONNECT_TIMEOUT_SECONDS', { infer: true })),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
    HeavyReadsModule,
    AuditModule,
    HealthModule,
    AuthModule,
    UsersModule,
    HubsModule,
    ReferenceListsModule,
    PersonsModule,
    VisitsModule,
    ServiceProvidersModule,
    ReferralsModule,
    NotificationsModule,
    ReportsModule,
    CounselorsModule,
    ActivitiesModule,
    CasesModule,
    ExportsModule,
    QuarterLocksModule,
    RetentionModule,
  ],
})
export class AppModule {}
