// Import order matters: the test environment loads the JIT compiler that Material's injectables need.
import { runInThisContext } from 'node:vm';
import 'fake-indexeddb/auto';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

// jsdom runs no CSS animations: Material must not wait for their end events (dialogs would never close).
setupZonelessTestEnv({ extraProviders: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }] });

// jsdom has no structuredClone, which IndexedDB (fake-indexeddb, for the offline outbox) needs.
// Node's own, from the main realm (typed arrays and CryptoKeys survive it).
globalThis.structuredClone ??= runInThisContext('structuredClone');
