// Unit specs of the Angular app: jsdom, zoneless TestBed (src/test-setup.ts), ESM Angular packages transformed.
const { createCjsPreset } = require('jest-preset-angular/presets');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Angular ships .mjs; @jsverse/utils (used by Transloco) ships plain ESM .js.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/|@angular/common/locales/.*\\.js$))'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' }),
  coverageDirectory: '../../coverage/apps/web',
};
