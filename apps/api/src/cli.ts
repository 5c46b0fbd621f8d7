// Maintenance commands for a deployment: `migrate` applies pending migrations; `create-admin --email
// <email> [--name <name>]` creates an admin, reading the password from ADMIN_PASSWORD, standard input,
// or a hidden prompt.
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { validateSync, IsEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { PASSWORD_MIN_LENGTH } from '@mih/contracts';
import { AppModule } from './app/app.module';
import { isCommonPassword } from './common/validators';
import { runMigrations } from './database/migrate';
import { UsersService } from './modules/users/users.service';

class EmailCheck {
  @IsEmail() email!: string;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'migrate' && command !== 'create-admin') {
    console.error('Usage: cli migrate | cli create-admin --email <email> [--name <display name>]');
    return 2;
  }
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const applied = await runMigrations(app.get(DataSource), app.get(ConfigService).get<string>('MIGRATION_DATABASE_URL'));
    if (command === 'migrate') {
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    const email = (values.email ?? '').trim().toLowerCase();
    if (validateSync(Object.assign(new EmailCheck(), { email })).length > 0) {
      console.error('Give a valid --email');
      return 2;
    }
    const password = process.env['ADMIN_PASSWORD'] ?? (await readPassword());
    if (password.length < PASSWORD_MIN_LENGTH) {
      console.error(`The password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
      return 2;
    }
    if (isCommonPassword(password)) {
      console.error('That password is one of the most common ones and easy to guess; choose another.');
      return 2;
    }
    const user = await app.get(UsersService).createAdmin(email, values.name ?? email.split('@')[0], password);
    console.log(`Admin created: ${user.email} (${user.id})`);
    return 0;
  } finally {
    await app.close();
  }
}

/** One line from stdin; when it is a terminal, asks without echoing. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write('Password: ');
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    input.on('data', (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(130);
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
