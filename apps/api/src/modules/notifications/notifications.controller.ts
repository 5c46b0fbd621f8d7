import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Notification, Page, UnreadCount } from '@mih/contracts';
import { Authenticated, CurrentActor, UuidParam } from '../../common/decorators';
import type { Actor } from '../../common/actor';
import { NotificationListQueryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** The caller's own notices; nobody sees anyone else's. */
@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto): Promise<Page<Notification>> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiNoContentResponse()
  markAllRead(@CurrentActor() actor: Actor): Promise<void> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  markRead(@CurrentActor() actor: Actor, @UuidParam() id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }
}
