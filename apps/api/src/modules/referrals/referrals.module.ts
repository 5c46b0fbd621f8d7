import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferenceListsModule } from '../reference-lists/reference-lists.module';
import { ProviderLinksController } from './provider-links.controller';
import { ProviderLinksService } from './provider-links.service';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsReadModule } from './referrals-read.module';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [ReferralsReadModule, NotificationsModule, PersonsModule, ReferenceListsModule],
  controllers: [ReferralsController, ProviderLinksController],
  providers: [ReferralsService, ReferralTransitions, ProviderLinksService],
})
export class ReferralsModule {}
