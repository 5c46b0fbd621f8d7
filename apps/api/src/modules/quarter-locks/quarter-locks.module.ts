import { Module } from '@nestjs/common';
import { HubsModule } from '../hubs/hubs.module';
import { QuarterLocksController } from './quarter-locks.controller';
import { QuarterLocksService } from './quarter-locks.service';

@Module({ imports: [HubsModule], controllers: [QuarterLocksController], providers: [QuarterLocksService] })
export class QuarterLocksModule {}
