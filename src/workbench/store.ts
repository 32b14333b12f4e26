import type { Scenario } from './scenario';

/**
 * The workbench's single source of truth, shared with the pane's iframe (same origin) as window.__linkedinWorkbench.
 * It behaves like Outlook: choosing another item closes an unpinned pane, and sends ItemChanged to a pinned one.
 */
export class WorkbenchStore {
  private scenario: Scenario;
  private readonly listeners = new Set<() => void>();
  private readonly itemListeners = new Set<() => void>();

  constructor(
    initial: Scenario,
    private readonly persist: (scenario: Scenario) => void = () => undefined,
  ) {
    this.scenario = initial;
  }

  get = (): Scenario => this.scenario;

  update = (patch: Partial<Scenario>): void => {
    const previous = this.scenario;
    const next: Scenario = { ...previous, ...patch };
    const itemChanged = next.item !== previous.item;
    if (itemChanged && !next.pinned && patch.paneOpen === undefined) next.paneOpen = false;
    this.scenario = next;
    this.persist(next);
    for (const listener of [...this.listeners]) listener();
    if (itemChanged && next.pinned && next.paneOpen && previous.paneOpen) {
      for (const listener of [...this.itemListeners]) listener();
    }
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onItemChanged = (listener: () => void): (() => void) => {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  };
}

export const BRIDGE_KEY = '__linkedinWorkbench';

export type WindowWithBridge = Window & { [BRIDGE_KEY]?: WorkbenchStore };
