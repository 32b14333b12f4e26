import type { GivenConsent, DetectedEnvironment } from '../../src/policy';
import type { WorkbenchFault } from '../../dev/workbenchControls';
import type { answerAuthorizePage } from '../server/support/linkedin';

/** Between the pane's tests (insightsService.ts) and the service in its worker thread (insightsServiceWorker.ts). */

/** The connection the service must hold, when the test's controls changed it (absent: leave it as the pane left it). */
export type HeldConnection = { status: 'notConnected' } | { status: 'connected' | 'expired'; consent: GivenConsent; connectedAt: string };

/** What the service holds and meets for the next call. */
export interface ServiceState {
  /** The policy file the pane reads (null: none is served). */
  policyText: string | null;
  environment: DetectedEnvironment;
  latencyMs: number;
  faults: { lookup: WorkbenchFault; insights: WorkbenchFault; connection: WorkbenchFault };
  source: 'fixtures' | 'linkedin';
  connection?: HeldConnection;
}

/** What the member does on LinkedIn's consent page. */
export type LinkedInChoice = Parameters<typeof answerAuthorizePage>[1];

export type ServiceCall =
  | { type: 'request'; id: number; state: ServiceState; method: string; path: string; headers: Record<string, string>; body?: string }
  | { type: 'signIn'; id: number; state: ServiceState; dialogUrl: string; choice: LinkedInChoice }
  | { type: 'close'; id: number };

/** status -1: the worker failed (body: the error); a signIn's body is the dialog page's message to the pane. */
export interface ServiceAnswer {
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}
