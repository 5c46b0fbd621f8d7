import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { HubsModule } from '../hubs/hubs.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({ imports: [HubsModule, PersonsModule, ActivitiesModule, ReferenceListsModule], controllers: [CasesController], providers: [CasesService] })
export class CasesModule {}
