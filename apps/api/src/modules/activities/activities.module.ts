import { Module } from '@nestjs/common';
import { HubsModule } from '../hubs/hubs.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';

@Module({
  imports: [HubsModule, ReferenceListsModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
