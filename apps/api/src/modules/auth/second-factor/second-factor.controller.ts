// The caller's own second factor: see it, set it up (secret, then a first code), turn it off. An admin's
// reset of someone else's is under /api/users/:id/reset-second-factor.
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { RecoveryCodes, SecondFactorEnrolment, SecondFactorStatus } from '@mih/contracts';
import { AllowedBeforeSecondFactor, Authenticated, CurrentActor } from '../../../common/decorators';
import type { Actor } from '../../../common/actor';
import { SecondFactorCodeDto } from './dto/second-factor.dto';
import { SecondFactorService } from './second-factor.service';

@ApiTags('auth')
@Authenticated()
@UseGuards(ThrottlerGuard)
@AllowedBeforeSecondFactor()
@Controller('auth/second-factor')
export class SecondFactorController {
  constructor(private readonly secondFactor: SecondFactorService) {}

  @Get()
  status(@CurrentActor() actor: Actor): Promise<SecondFactorStatus> {
    return this.secondFactor.status(actor);
  }

  @Post('enrol')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'A second factor is already set up' })
  enrol(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolment> {
    return this.secondFactor.enrol(actor);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiBadRequestResponse({ description: 'code is malformed, or not the current code of the app' })
  confirm(@CurrentActor() actor: Actor, @Body() dto: SecondFactorCodeDto): Promise<RecoveryCodes> {
    return this.secondFactor.confirm(actor, dto.code);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'code is malformed, or not the current code of the app' })
  disable(@CurrentActor() actor: Actor, @Body() dto: SecondFactorCodeDto): Promise<void> {
    return this.secondFactor.disable(actor, dto.code);
  }
}
