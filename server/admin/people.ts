import type { Kysely } from 'kysely';
import { keyIdOf, tokensPerKey } from '../crypto/sealedTokens';
import type { Database } from '../db/schema';

/**
 * What the service holds about a person (`npm run admin -- export-user`) and how much it holds (`counts`); erasing is
 * erase.ts. A person is their Entra object id (and tenant, where an id could be in several). What is held: their
 * connection (consent, times, the LinkedIn token sealed), their audit trail, their rate limit's current minute.
 */
export interface Person {
  objectId: string;
  tenantId?: string;
}

export interface PersonExport {
  objectId: string;
  connections: Array<{
    tenantId: string;
    consent: string;
    connectedAt: string;
    tokenExpiresAt: string;
    expiredAt: string | null;
    linkedInToken: string;
  }>;
  auditTrail: Array<{ tenantId: string; event: string; consent: string | null; at: string }>;
  pendingSignIns: string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Everything held about the person, in words an admin can hand over (the token itself is never exported). */
export async function exportPerson(db: Kysely<Database>, person: Person): Promise<PersonExport> {
  const connections = await db
    .selectFrom('connections')
    .selectAll()
    .where('object_id', '=', person.objectId)
    .$if(person.tenantId !== undefined, (q) => q.where('tenant_id', '=', person.tenantId ?? ''))
    .execute();
  const audit = await db
    .selectFrom('audit_trail')
    .selectAll()
    .where('object_id', '=', person.objectId)
    .$if(person.tenantId !== undefined, (q) => q.where('tenant_id', '=', person.tenantId ?? ''))
    .orderBy('id')
    .execute();
  return {
    objectId: person.objectId,
    connections: connections.map((row) => ({
      tenantId: row.tenant_id,
      consent: row.consent,
      connectedAt: iso(row.connected_at) ?? '',
      tokenExpiresAt: iso(row.token_expires_at) ?? '',
      expiredAt: iso(row.expired_at),
      linkedInToken: `held, sealed (AES-256-GCM) with key ${keyIdOf(row.token_ciphertext)}; not exported`,
    })),
    auditTrail: audit.map((row) => ({ tenantId: row.tenant_id, event: row.event, consent: row.consent, at: iso(row.at) ?? '' })),
    pendingSignIns: 'a sign-in in progress names no one until it completes: none can be attributed',
  };
}

export interface Counts {
  connections: { total: number; twoWay: number; linkedInToMicrosoft: number; expired: number };
  auditRows: number;
  pendingSignIns: number;
  /** Dropped LinkedIn tokens whose revoke LinkedIn has not confirmed yet (the service retries them). */
  revocationsWaiting: number;
  tokensPerKey: Record<string, number>;
}

/** How much the service holds, without naming anyone. */
export async function countHeld(db: Kysely<Database>): Promise<Counts> {
  const now = new Date();
  const connections = await db
    .selectFrom('connections')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.countAll<string>().filterWhere('consent', '=', 'twoWay').as('twoWay'),
      eb.fn.countAll<string>().filterWhere('consent', '=', 'linkedInToMicrosoft').as('linkedInToMicrosoft'),
      eb.fn.countAll<string>().filterWhere('token_expires_at', '<=', now).as('expired'),
    ])
    .executeTakeFirstOrThrow();
  const rowsIn = async (table: 'audit_trail' | 'pending_sign_ins' | 'revocations') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    connections: {
      total: Number(connections.total),
      twoWay: Number(connections.twoWay),
      linkedInToMicrosoft: Number(connections.linkedInToMicrosoft),
      expired: Number(connections.expired),
    },
    auditRows: await rowsIn('audit_trail'),
    pendingSignIns: await rowsIn('pending_sign_ins'),
    revocationsWaiting: await rowsIn('revocations'),
    tokensPerKey: Object.fromEntries(await tokensPerKey(db)),
  };
}
