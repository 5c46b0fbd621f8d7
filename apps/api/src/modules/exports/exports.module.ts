import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferralsReadModule } from '../referrals/referrals-read.module';
import { ReportsModule } from '../reports/reports.module';
import { VisitsModule } from '../visits/visits.module';
import { ActivitiesExport } from './datasets/activities-export';
import { AuditEventsExport } from './datasets/audit-events-export';
import { PersonsExport } from './datasets/persons-export';
import { ReferralsExport } from './datasets/referrals-export';
import { VisitsExport } from './datasets/visits-export';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [VisitsModule, PersonsModule, ReferralsReadModule, ActivitiesModule, ReportsModule],
  controllers: [ExportsController],
  providers: [ExportsService, VisitsExport, PersonsExport, ReferralsExport, ActivitiesExport, AuditEventsExport],
})
export class ExportsModule {}
