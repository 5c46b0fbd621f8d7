import type { Language, Role } from './enums';

export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user as the API describes it to its own client. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  hubIds: string[];
  countryCodes: string[];
  /**
   * Present (true) when an admin set the password: the user must choose their own before anything else
   * (every other authenticated call answers 403 `password_change_required` until then).
   */
  mustChangePassword?: true;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires; the client refreshes before that. */
  expiresIn: number;
  user: CurrentUser;
}

/** `PATCH /api/auth/me`: what a user may change about themselves. */
export interface UpdateMeRequest {
  language?: Language;
}

/** `POST /api/auth/change-password`: the signed-in user's own password; their other sign-ins end. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export const AUTH_ROUTES = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  changePassword: '/api/auth/change-password',
} as const;
