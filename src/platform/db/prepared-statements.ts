// Named prepared statements for PostgreSQL. `pg` sends a query without a name as an unnamed
// statement, which the server parses and plans again on every call; with a name it is parsed once
// per connection and its plan can be reused. Every query here is written as a fixed SQL text with
// parameters, so naming each text by its hash makes the whole application prepared, without
// changing a query. Measured on this kind of machine: 4,744 → 7,104 primary-key selects per second
// (stack trial 2026-11), and the planning of the session query (about 1 ms) is gone from every
// request. Only for PostgreSQL: PGlite is in-process and plans in the same WebAssembly thread.
//
// A transaction's `begin` is also not sent on its own: it waits for the transaction's first query
// and goes out in the same write, as one more Bind/Execute before that query's Sync (the extended
// protocol allows several statements up to one Sync; the explicit BEGIN makes them one transaction
// block, as two round trips would). Every request is a transaction, so this saves one of its round
// trips (four on the pact home: begin, context, page, commit), and on this kind of machine a round
// trip's system calls were the largest single cost of a page view. A transaction that ends before
// its first query never reaches the server at all.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';

/** More distinct texts than this are sent unnamed: a connection must not hoard statements without bound. */
export const MAX_PREPARED_TEXTS = 2_000;
/** A text longer than this (a generated bulk statement) is sent unnamed. */
const MAX_TEXT_LENGTH = 16_384;

/** The statement name for a query text (a hash, so the same text has the same name on every connection). */
export function statementName(text: string): string {
  return `sp_${createHash('sha1').update(text).digest('base64url')}`;
}

/** The name under which each connection prepares `begin` once. */
const BEGIN_STATEMENT = 'sp_begin';

/** What `pg` keeps per connection and the protocol calls used here (not in its type declarations). */
interface WireConnection {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  bind(config: { statement: string; values: unknown[]; portal?: string }): void;
  execute(config: { portal?: string }): void;
}
type QueryCallback = (error: Error | null, result: pg.QueryResult) => void;
interface QueryInternals {
  prepare(connection: WireConnection): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
}
const PgQuery = pg.Query as unknown as new (config: pg.QueryConfig, values: undefined, callback: QueryCallback) => QueryInternals;

/**
 * A named statement that was prepared on this connection, preceded by the prepared `begin` in the
 * same write: Bind/Execute `begin`, then the statement's Bind/Describe/Execute, then one Sync. The
 * server answers BindComplete and CommandComplete for the `begin` first; that CommandComplete is
 * not the query's result and is passed over.
 */
class BeginThenQuery extends PgQuery {
  #beginCompleted = false;

  submit(connection: WireConnection): null {
    connection.stream.cork?.();
    try {
      connection.bind({ statement: BEGIN_STATEMENT, values: [] });
      connection.execute({});
      this.prepare(connection);
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (!this.#beginCompleted) {
      this.#beginCompleted = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

function completed(command: string): Promise<pg.QueryResult> {
  return Promise.resolve({ command, rowCount: null, rows: [], fields: [], oid: 0 } as pg.QueryResult);
}

/**
 * A pool for Kysely whose clients send parameterised queries as named prepared statements, and a
 * transaction's `begin` together with its first query. Queries without parameters (migrations,
 * several statements in one text) keep the simple protocol.
 */
export function preparedStatementPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const nameOf = (text: string): string | null => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= MAX_PREPARED_TEXTS || text.length > MAX_TEXT_LENGTH) return null;
    const name = statementName(text);
    names.set(text, name);
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        const connection = (client as unknown as { connection: WireConnection }).connection;
        let beginPending = false;
        const sendBegin = () => client.query({ name: BEGIN_STATEMENT, text: 'begin', values: [] });
        const send = (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
          if (typeof textOrCursor === 'string' && parameters && parameters.length > 0) {
            const name = nameOf(textOrCursor);
            if (name) return client.query({ name, text: textOrCursor, values: [...parameters] });
          }
          return (client.query as (...args: unknown[]) => unknown)(textOrCursor, parameters);
        };
        wrapper = {
          query(textOrCursor: unknown, parameters?: ReadonlyArray<unknown>) {
            const bare = typeof textOrCursor === 'string' && (!parameters || parameters.length === 0);
            if (bare && textOrCursor === 'begin') {
              if (beginPending) throw new Error('begin inside a transaction that has not started yet');
              if (connection.parsedStatements[BEGIN_STATEMENT] === undefined) return sendBegin();
              beginPending = true;
              return completed('BEGIN');
            }
            if (!beginPending) return send(textOrCursor, parameters);
            beginPending = false;
            // Nothing ran in the transaction: there is nothing to commit or roll back.
            if (bare && (textOrCursor === 'commit' || textOrCursor === 'rollback')) return completed(textOrCursor.toUpperCase());
            const name = typeof textOrCursor === 'string' && parameters && parameters.length > 0 ? nameOf(textOrCursor) : null;
            if (name && connection.parsedStatements[name] === textOrCursor) {
              return new Promise((resolve, reject) => {
                const query = new BeginThenQuery({ name, text: textOrCursor as string, values: [...parameters!] }, undefined, (error, result) =>
                  error ? reject(error) : resolve(result as never));
                client.query(query as unknown as pg.QueryConfig);
              });
            }
            // The statement is not prepared on this connection yet: `begin` goes first, on its own.
            const begun = sendBegin();
            const result = send(textOrCursor, parameters) as Promise<unknown>;
            return Promise.all([begun, result]).then(([, r]) => r);
          },
          release() {
            beginPending = false;
            client.release();
          },
        } as PostgresPoolClient;
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end() {
      return pool.end();
    },
  };
}
