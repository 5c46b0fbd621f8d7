import { Module } from '@nestjs/common';
import { PasswordService } from '../auth/password.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController], providers: [UsersService, PasswordService], exports: [UsersService, PasswordService] })
export class UsersModule {}
