import { Module } from '@nestjs/common';
import { HubsModule } from '../hubs/hubs.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({ imports: [HubsModule, PersonsModule, ReferenceListsModule], controllers: [VisitsController], providers: [VisitsService], exports: [VisitsService] })
export class VisitsModule {}
