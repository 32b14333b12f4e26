import '@testing-library/jest-dom';

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
