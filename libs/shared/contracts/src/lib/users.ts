import type { Language, Role } from './enums';
import type { PageQuery } from './pagination';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  active: boolean;
  hubIds: string[];
  countryCodes: string[];
  /** The user has a confirmed second factor (an admin may reset it). */
  secondFactor: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  hubIds?: string[];
  countryCodes?: string[];
  language?: Language;
}

export interface UpdateUserRequest {
  version: number;
  displayName?: string;
  role?: Role;
  hubIds?: string[];
  countryCodes?: string[];
  language?: Language;
  active?: boolean;
}

export interface ResetPasswordRequest {
  password: string;
}

export interface UserListQuery extends PageQuery {
  role?: Role;
  hubId?: string;
  active?: boolean;
  q?: string;
}

export const PASSWORD_MIN_LENGTH = 10;
