import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

// The scheduler itself is registered once, by NotificationsModule (ScheduleModule.forRoot is global).
@Module({ controllers: [RetentionController], providers: [RetentionService] })
export class RetentionModule {}
