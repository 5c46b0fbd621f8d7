// argon2id hashing with OWASP's recommended cost; verification of unknown accounts runs against a
// dummy hash so a wrong email takes as long as a wrong password.
import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

@Injectable()
export class PasswordService implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('not-a-real-password-only-for-timing');
  }

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** False for a missing hash, after the same work as a real check. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? this.dummyHash, password);
      return hash !== null && ok;
    } catch {
      return false;
    }
  }
}
