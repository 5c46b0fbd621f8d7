export * from './lib/enums';
export * from './lib/errors';
export * from './lib/pagination';
export * from './lib/auth';
export * from './lib/hubs';
export * from './lib/users';
export * from './lib/reference-lists';
export * from './lib/audit';
