import {
  type CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { EmbeddedPostgres, EmbeddedSession } from './pgliteThread';

/**
 * Kysely over the embedded database (PGlite on its own thread). Each connection Kysely takes is a session there:
 * requests' statements queue without waiting for each other here, and a transaction's statements are never
 * interleaved with another session's.
 */
export class PgliteDialect implements Dialect {
  /** `observe` is told each statement before it runs (the purge of deleted rows notes what leaves old versions). */
  constructor(
    private readonly database: EmbeddedPostgres,
    private readonly observe: (sql: string) => void = () => undefined,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.database, this.observe);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

class PgliteConnection implements DatabaseConnection {
  constructor(
    readonly session: EmbeddedSession,
    private readonly observe: (sql: string) => void,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.observe(query.sql);
    const result = await this.session.query<R>(query.sql, query.parameters);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && !/^\s*select/i.test(query.sql) ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // eslint-disable-next-line require-yield -- Kysely requires the method; PGlite has no streaming, so it only throws
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite: streaming queries are not supported');
  }
}

const sessionOf = (connection: DatabaseConnection): EmbeddedSession => (connection as PgliteConnection).session;

class PgliteDriver implements Driver {
  constructor(
    private readonly database: EmbeddedPostgres,
    private readonly observe: (sql: string) => void,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.database.session(), this.observe);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).rollback();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await sessionOf(connection).release();
  }
  async destroy(): Promise<void> {
    await this.database.close();
  }
}
