import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The whole suite runs in parallel on two cores (CI's machine): a pane render can then take well over the default
// 1 s that findBy/waitFor wait. Waiting longer changes nothing about what is asserted, only how long a failure takes.
configure({ asyncUtilTimeout: 10_000 });

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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.defineProperty(globalThis, 'crypto', { value: (require('node:crypto') as typeof import('node:crypto')).webcrypto, configurable: true });
}
