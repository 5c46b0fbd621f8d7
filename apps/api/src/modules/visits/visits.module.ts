import { Module } from '@nestjs/common';
import { HubsModule } from '../hubs/hubs.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

@Module({ imports: [HubsModule, PersonsModule, ReferenceListsModule], controllers: [VisitsController], providers: [VisitsService, VisitsRepository], exports: [VisitsService] })
export class VisitsModule {}
