import type { Scenario } from './scenario';

/**
 * The workbench's single source of truth, shared with the pane's iframe (same origin) as window.__linkedinWorkbench.
 * It behaves like Outlook: choosing another item closes an unpinned pane, and sends ItemChanged to a pinned one.
 */
export class WorkbenchStore {
  private scenario: Scenario;
  private readonly listeners = new Set<() => void>();
  private readonly itemListeners = new Set<() => void>();
  /** Bumped when the controls (not the pane itself) change the consent: only then does the pane start afresh. */
  private consentRevision = 0;

  constructor(
    initial: Scenario,
    private readonly persist: (scenario: Scenario) => void = () => undefined,
  ) {
    this.scenario = initial;
  }

  get = (): Scenario => this.scenario;

  getConsentRevision = (): number => this.consentRevision;

  /** `fromPane`: the pane itself changed it (its roaming settings saved a new consent), so it needs no restart. */
  update = (patch: Partial<Scenario>, fromPane = false): void => {
    const previous = this.scenario;
    if (!fromPane && patch.consent !== undefined && patch.consent !== previous.consent) this.consentRevision++;
    const next: Scenario = { ...previous, ...patch };
    const itemChanged = next.item !== previous.item;
    if (itemChanged && !next.pinned && patch.paneOpen === undefined) next.paneOpen = false;
    // The person shown belongs to the item: another item starts from the pane's own choice.
    if (itemChanged && patch.person === undefined) next.person = null;
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
