import { Module } from '@nestjs/common';
import { ReferralsReadService } from './referrals-read.service';

/** Reading referrals, on its own so the person page can show them without depending on ReferralsModule. */
@Module({ providers: [ReferralsReadService], exports: [ReferralsReadService] })
export class ReferralsReadModule {}
