import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser, LoginAnswer, LoginResponse } from '@mih/contracts';
import { UnauthorizedException } from '../../common/api-exception';
import { AllowedBeforePasswordChange, AllowedBeforeSecondFactor, Authenticated, CurrentActor, CurrentSessionId, Public } from '../../common/decorators';
import type { AppConfig } from '../../config/app-config';
import { UsersService } from '../users/users.service';
import type { Actor } from '../../common/actor';
import { AuthService, Session } from './auth.service';
import { ChangePasswordDto, LoginDto, UpdateMeDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local.strategy';
import { SecondFactorLoginDto } from './second-factor/dto/second-factor.dto';
import type { UserWithHubs } from '../users/users.service';

const REFRESH_COOKIE = 'mih_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests, or the account is locked after failed sign-ins' })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiOkResponse({ description: 'A session; or, for an account with a second factor, `{secondFactor, challengeToken, expiresIn}` for POST /api/auth/login/second-factor' })
  async login(@Req() request: FastifyRequest & { user: UserWithHubs }, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginAnswer> {
    const answer = await this.auth.login(request.user, request.ip ?? null);
    return 'refreshToken' in answer ? this.withCookie(reply, answer) : answer;
  }

  @Public()
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'Wrong or already used code, or the challenge expired' })
  @ApiBadRequestResponse({ description: 'code (6 digits) or recoveryCode malformed, or neither sent' })
  async loginWithSecondFactor(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: SecondFactorLoginDto,
  ): Promise<LoginResponse> {
    return this.withCookie(reply, await this.auth.loginWithSecondFactor(dto, request.ip ?? null));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiUnauthorizedResponse({ description: 'No session, or it ended' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    try {
      return this.withCookie(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE], request.ip ?? null));
    } catch (error) {
      if (error instanceof UnauthorizedException) this.clearCookie(reply);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE], request.ip ?? null);
    this.clearCookie(reply);
  }

  @Authenticated()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<CurrentUser> {
    return this.currentUser(actor.id);
  }

  @Authenticated()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Patch('me')
  async updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<CurrentUser> {
    if (dto.language) await this.users.updateLanguage(actor, dto.language);
    return this.currentUser(actor.id);
  }

  @Authenticated()
  @AllowedBeforePasswordChange()
  @AllowedBeforeSecondFactor()
  @Post('change-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; the caller\'s other sign-ins ended, this one goes on' })
  @ApiBadRequestResponse({ description: 'currentPassword is wrong, or newPassword is not acceptable' })
  async changePassword(@CurrentActor() actor: Actor, @CurrentSessionId() sessionId: string, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, sessionId, dto.currentPassword, dto.newPassword);
  }

  private async currentUser(id: string): Promise<CurrentUser> {
    const user = await this.users.findForAuth(id);
    if (!user) throw new UnauthorizedException();
    return this.auth.toCurrentUser(user);
  }

  private withCookie(reply: FastifyReply, session: Session): LoginResponse {
    void reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.get('COOKIE_SECURE', { infer: true }),
      path: COOKIE_PATH,
      maxAge: this.config.get('SESSION_IDLE_MINUTES', { infer: true }) * 60,
    });
    return session.response;
  }

  private clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }
}
