import { webcrypto } from 'node:crypto';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import fc from 'fast-check';

// The whole suite runs in parallel on two cores (CI's machine): a pane render can then take well over the default
// 1 s that findBy/waitFor wait. Waiting longer changes nothing about what is asserted, only how long a failure takes.
configure({ asyncUtilTimeout: 10_000 });

// Generated tables (fast-check) run the same cases on every run, so CI is never red by luck; FC_SEED=<number>
// explores other cases (a failure prints the seed and path that reproduce it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_129) });

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
