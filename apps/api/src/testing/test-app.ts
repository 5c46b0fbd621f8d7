// Integration-test harness: every spec file gets its own fresh database on the PostgreSQL server named
// by DATABASE_URL (the embedded one `npm test` starts), the whole app booted on it, and helpers that
// drive it over HTTP the way a client would (Fastify's inject: no port, same pipeline).
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type {
  CreateHubRequest,
  CreatePersonRequest,
  CreateUserRequest,
  CreateVisitRequest,
  Hub,
  LoginResponse,
  Person,
  Role,
  User,
  Visit,
} from '@mih/contracts';

export const TEST_PASSWORD = 'Test-password-1';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: OutgoingHttpHeaders;
  cookies: { name: string; value: string }[];
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** The test database's URL, for direct SQL. */
  databaseUrl: string;
  adminToken: string;
  request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options?: RequestOptions): Promise<TestResponse<T>>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** SQL on the server's maintenance database (for ALTER DATABASE and the like). */
  serverSql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  databaseName: string;
  login(email: string, password?: string): Promise<LoginResponse>;
  newHub(overrides?: Partial<CreateHubRequest>): Promise<Hub>;
  /**
   * Marks a user created through the API as having chosen their password, as the demo seed does: an
   * admin-set one must otherwise be changed before any other call (forced-password-change spec).
   */
  passwordChosen(userId: string): Promise<void>;
  /** Creates a user through the API (as admin), marks the password chosen, and signs it in. */
  newUser(role: Role, assignment?: { hubIds?: string[]; countryCodes?: string[] }): Promise<{ user: User; token: string }>;
  /** Creates a person in the hub through the API (as admin unless a token is given): an anonymous-looking one by default. */
  newPerson(hubId: string, overrides?: Partial<CreatePersonRequest>, token?: string): Promise<Person>;
  /** Logs a visit in the hub through the API (as admin unless a token is given): anonymous, now, one topic by default. */
  newVisit(hubId: string, overrides?: Partial<CreateVisitRequest>, token?: string): Promise<Visit>;
  close(): Promise<void>;
}

let counter = 0;
const uniqueCode = () => `T${(++counter).toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`.slice(0, 6);

export interface TestAppOptions {
  /** Where the API connects instead of the test database (e.g. through a TCP proxy a spec can cut). */
  apiDatabaseUrl?: (databaseUrl: string) => Promise<string>;
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('DATABASE_URL is not set: run the tests with `npm test` (it starts PostgreSQL)');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  Object.assign(process.env, {
    DATABASE_URL: options.apiDatabaseUrl ? await options.apiDatabaseUrl(databaseUrl) : databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    SEED_DEMO: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    LOG_LEVEL: 'silent',
    // No role is forced to set up a second factor unless the spec says so (second-factor spec).
    MFA_REQUIRED_ROLES: '',
    ...env,
  });
  // Imported only now: the config module reads the environment when AppModule is first loaded.
  const { createApp } = await import('../app/create-app');
  const { UsersService } = await import('../modules/users/users.service');
  const app = await createApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const sqlClient = new Client({ connectionString: databaseUrl });
  await sqlClient.connect();

  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const response = await app.inject({
      method,
      url: path,
      headers,
      cookies: options.cookies,
      payload: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    let body: unknown = response.body;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      // not JSON (HTML, empty)
    }
    return { status: response.statusCode, body: body as any, headers: response.headers, cookies: response.cookies };
  };

  const login = async (email: string, password = TEST_PASSWORD) => {
    const response = await request<LoginResponse>('POST', '/api/auth/login', { body: { email, password } });
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  await app.get(UsersService).createAdmin('admin@test.example', 'Test Admin', TEST_PASSWORD);
  const adminToken = (await login('admin@test.example')).accessToken;

  const testApp: TestApp = {
    app,
    databaseUrl,
    adminToken,
    request,
    login,
    sql: async (text, params) => (await sqlClient.query(text, params)).rows,
    serverSql: (text, params) => withClient(serverUrl, async (client) => (await client.query(text, params)).rows),
    databaseName: name,
    async newHub(overrides = {}) {
      const body: CreateHubRequest = {
        code: uniqueCode(),
        name: `Hub ${counter}`,
        countryCode: 'GT',
        admin1: 'San Marcos',
        municipality: 'Ayutla',
        ...overrides,
      };
      const response = await request<Hub>('POST', '/api/hubs', { token: adminToken, body });
      if (response.status !== 201) throw new Error(`newHub: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async newUser(role, assignment = {}) {
      const body: CreateUserRequest = {
        email: `${role}-${randomBytes(4).toString('hex')}@test.example`,
        displayName: `${role} ${counter++}`,
        role,
        password: TEST_PASSWORD,
        ...assignment,
      };
      const response = await request<User>('POST', '/api/users', { token: adminToken, body });
      if (response.status !== 201) throw new Error(`newUser: ${response.status} ${JSON.stringify(response.body)}`);
      await testApp.passwordChosen(response.body.id);
      return { user: response.body, token: (await login(body.email)).accessToken };
    },
    async passwordChosen(userId) {
      await sqlClient.query('UPDATE users SET must_change_password = false WHERE id = $1', [userId]);
    },
    async newPerson(hubId, overrides = {}, token = adminToken) {
      const body: CreatePersonRequest = { hubId, sex: 'female', nationality: 'GT', profile: 'intending', birthYear: 1990, ...overrides };
      const response = await request<Person>('POST', '/api/persons', { token, body });
      if (response.status !== 201) throw new Error(`newPerson: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async newVisit(hubId, overrides = {}, token = adminToken) {
      const anonymous = overrides.personId ? {} : { sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending' } as const;
      const body: CreateVisitRequest = { hubId, occurredAt: new Date().toISOString(), channel: 'in_person', topics: ['documents'], ...anonymous, ...overrides };
      const response = await request<Visit>('POST', '/api/visits', { token, body });
      if (response.status !== 201) throw new Error(`newVisit: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async close() {
      await sqlClient.end();
      await app.close();
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
  return testApp;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
