import { Module } from '@nestjs/common';
import { HubsModule } from '../hubs/hubs.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { ReferralsReadModule } from '../referrals/referrals-read.module';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';
import { RevealQuotaService } from './reveal-quota.service';

@Module({ imports: [HubsModule, ReferenceListsModule, ReferralsReadModule], controllers: [PersonsController], providers: [PersonsService, RevealQuotaService], exports: [PersonsService] })
export class PersonsModule {}
