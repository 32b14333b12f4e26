import { PARAM_OF, type Scenario } from './scenario';

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
  /**
   * When the service made the workbench user's connection (its answer to the link's or control's consent, or the
   * pane's own sign-in): what the pane's saved choice says, so "since …" is the connection's real date.
   */
  private connectedAt: string | undefined;

  constructor(
    initial: Scenario,
    private readonly persist: (scenario: Scenario) => void = () => undefined,
  ) {
    this.scenario = initial;
  }

  get = (): Scenario => this.scenario;

  getConsentRevision = (): number => this.consentRevision;

  getConnectedAt = (): string | undefined => this.connectedAt;

  setConnectedAt = (connectedAt: string | undefined): void => {
    this.connectedAt = connectedAt;
  };

  /** `fromPane`: the pane itself changed it (its roaming settings saved a new consent), so it needs no restart. */
  update = (patch: Partial<Scenario>, fromPane = false): void => {
    const previous = this.scenario;
    if (!fromPane && patch.consent !== undefined && patch.consent !== previous.consent) this.consentRevision++;
    // A control changed is no longer the link's unknown value.
    const invalid = Object.fromEntries(
      Object.entries(previous.invalid).filter(
        ([name]) => !Object.keys(patch).some((key) => PARAM_OF[key as keyof typeof PARAM_OF] === name),
      ),
    );
    const next: Scenario = { ...previous, invalid, ...patch };
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
