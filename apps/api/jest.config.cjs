// Unit specs (*.spec.ts) and integration specs (*.integration-spec.ts, each file on a fresh database
// of the PostgreSQL server named by DATABASE_URL, which tools/test/run-all.mjs provides).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  rootDir: __dirname,
  testRegex: 'src/.*\\.(spec|integration-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // otplib's base32 and hash plugins (@scure/base, @noble/hashes) ship ESM only; Jest on Node 20 needs CommonJS.
    '^.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' }),
  testTimeout: 30000,
};
