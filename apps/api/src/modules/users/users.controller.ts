import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Authenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<User>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<User> {
    return this.users.get(actor, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetPassword(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    return this.users.resetPassword(actor, id, dto);
  }

  /** A lost phone: the user's second factor goes, their sign-ins end, and they set it up again at the next one. */
  @Post(':id/reset-second-factor')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetSecondFactor(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<void> {
    return this.users.resetSecondFactor(actor, id);
  }
}
