import { webcrypto } from 'node:crypto';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import fc from 'fast-check';
import { FIND_TIMEOUT_MS } from './timeouts.cjs';

// The whole suite runs in parallel on two cores (CI's machine): a pane render can then take over the default 1 s that
// findBy/waitFor wait (test/timeouts.cjs says how long, for every test).
configure({ asyncUtilTimeout: FIND_TIMEOUT_MS });

// Generated tables (fast-check) explore new cases on every run: test/seed.cjs picks the run's seed and prints it;
// FC_SEED=<n> npm test replays it (a failure also prints the seed and path that reproduce it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED) });

// Fluent UI v9 (TabList, overflow) observes element sizes; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  (globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;
}

// jsdom has no Web Crypto digest; the add-in's PKCE needs crypto.subtle, as browsers provide it.
if (!globalThis.crypto?.subtle) {
  Object.defineProperty(globalThis, 'crypto', {
    value: webcrypto,
    configurable: true,
  });
}
