import type { FastifyBaseLogger } from 'fastify';
import type { PolicyFileReading, PolicyFileSource } from './policyFileSource';

/** A policy file the service will not start on (invalid at start): every problem named, as the admin fixes it. */
export class PolicyFileError extends Error {
  constructor(origin: string, reading: PolicyFileReading) {
    super(`${origin} ${problemsOf(reading)}`);
    this.name = 'PolicyFileError';
  }
}

/** The reading in one line an admin acts on: "is not valid: - field: problem …", "cannot be read: …". */
export function problemsOf(reading: PolicyFileReading): string {
  switch (reading.status) {
    case 'none':
      return 'is not configured: the documented defaults apply';
    case 'valid':
      return 'is valid and enforced';
    case 'invalid':
      return `is not valid, so LinkedIn features are refused until it is fixed:\n${reading.problems.map((p) => `- ${p.field}: ${p.problem}`).join('\n')}`;
    case 'unreadable':
      return `cannot be read (${reading.cause}), so LinkedIn features are refused until it can`;
  }
}

/** Whether the rules can be enforced as the admin wrote them (/readyz says not ready otherwise). */
export function isTrusted(reading: PolicyFileReading): boolean {
  return reading.status === 'none' || reading.status === 'valid';
}

/**
 * Logs a change of the policy file once, when the service notices it (on the next request after the edit): an
 * invalid or unreadable file as an error with every field problem, a file trusted again (or edited) as information.
 */
export function logPolicyFileChange(log: FastifyBaseLogger, source: PolicyFileSource, reading: PolicyFileReading): void {
  const line = `policy file: ${source.origin} ${problemsOf(reading)}`;
  if (isTrusted(reading)) log.info({ policyFile: reading.status }, line);
  else log.error({ policyFile: reading.status }, line);
}
