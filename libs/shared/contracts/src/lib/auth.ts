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
  /**
   * Present (true) when the account must have a second factor (its role, or the user's own choice kept
   * across an admin's reset) and has none: every other call answers 403
   * `second_factor_enrolment_required` until the user enrols (`/api/auth/second-factor/*`).
   */
  mustEnrolSecondFactor?: true;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires; the client refreshes before that. */
  expiresIn: number;
  user: CurrentUser;
}

/**
 * `POST /api/auth/login` for an account with a second factor: the password was right, but no session
 * yet. The challenge token goes with a code to `POST /api/auth/login/second-factor` within `expiresIn`.
 */
export interface SecondFactorChallenge {
  secondFactor: 'totp';
  challengeToken: string;
  expiresIn: number;
}

/** What `POST /api/auth/login` answers: a session, or the second step it needs first. */
export type LoginAnswer = LoginResponse | SecondFactorChallenge;

export function isSecondFactorChallenge(answer: LoginAnswer): answer is SecondFactorChallenge {
  return 'challengeToken' in answer;
}

/** `POST /api/auth/login/second-factor`: the challenge with a code from the app, or one recovery code. */
export interface SecondFactorLoginRequest {
  challengeToken: string;
  code?: string;
  recoveryCode?: string;
}

/** `GET /api/auth/second-factor`: the caller's own second factor. */
export interface SecondFactorStatus {
  enrolled: boolean;
  /** The role requires one (MFA_REQUIRED_ROLES): it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `POST /api/auth/second-factor/enrol`: a new secret, shown once, to put in an authenticator app. */
export interface SecondFactorEnrolment {
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  otpauthUri: string;
}

/** `POST /api/auth/second-factor/confirm` and `/disable`: a code from the app proves it works. */
export interface SecondFactorCodeRequest {
  code: string;
}

/** Answer to a confirmed enrolment: the recovery codes, shown this once (stored hashed). */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** A TOTP code: six digits. A recovery code: ten letters/digits, optionally as two groups of five. */
export const TOTP_CODE_PATTERN = /^[0-9]{6}$/;
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;

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
  loginSecondFactor: '/api/auth/login/second-factor',
  secondFactor: '/api/auth/second-factor',
  secondFactorEnrol: '/api/auth/second-factor/enrol',
  secondFactorConfirm: '/api/auth/second-factor/confirm',
  secondFactorDisable: '/api/auth/second-factor/disable',
} as const;
