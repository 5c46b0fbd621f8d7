import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Page, ServiceProvider } from '@mih/contracts';
import { Authenticated, CurrentActor, Roles, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { CreateServiceProviderDto, ServiceProviderListQueryDto, UpdateServiceProviderDto } from './dto/service-provider.dto';
import { ServiceProvidersService } from './service-providers.service';

@ApiTags('service-providers')
@Authenticated()
@Controller('service-providers')
export class ServiceProvidersController {
  constructor(private readonly providers: ServiceProvidersService) {}

  @Get()
  @Roles('admin', 'supervisor', 'staff')
  list(@Query() query: ServiceProviderListQueryDto): Promise<Page<ServiceProvider>> {
    return this.providers.list(query);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'staff')
  get(@UuidParam() id: string): Promise<ServiceProvider> {
    return this.providers.get(id);
  }

  /** Supervisors: only providers whose countries all lie in their scope. */
  @Post()
  @Roles('admin', 'supervisor')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateServiceProviderDto): Promise<ServiceProvider> {
    return this.providers.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'supervisor')
  update(@CurrentActor() actor: Actor, @UuidParam() id: string, @Body() dto: UpdateServiceProviderDto): Promise<ServiceProvider> {
    return this.providers.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'supervisor')
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The provider has referrals' })
  remove(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<void> {
    return this.providers.remove(actor, id);
  }
}
