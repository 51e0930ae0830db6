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
//
// A transaction that only read also does not send its `commit` on its own: the commit waits for the
// connection's next use and goes out in the same write as that use's first statement (Bind/Execute
// `commit`, then `begin`, then the statement, then one Sync), or on its own one turn of the event
// loop later if the connection was not used again by then. Nothing was written, so there is nothing
// to make durable before the answer goes out, and committing or rolling back such a transaction is
// the same; only the round trip is saved (a third of a page view's). "Only read" is judged
// conservatively from each statement's text (`mayWrite`): a transaction that ran anything else
// (an insert, an audited read, `select … for update`, a function that writes) commits at once, as
// before. Any other user of the pool (migrations, the job runner) finds the commit sent before its
// own first query, so it never runs inside the earlier transaction.
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
/** The name under which each connection prepares `commit` once. */
const COMMIT_STATEMENT = 'sp_commit';

/**
 * The schema's volatile functions, which a `select` can call: any of them may write, so a
 * transaction that calls one commits at once. A database test keeps this list equal to the
 * volatile functions the migrations define.
 */
export const VOLATILE_FUNCTIONS = ['pact_figures_count_participant', 'queue_mail', 'rate_limit_take', 'rate_limit_clear'] as const;

const SELECT_FIRST = /^\s*select\b/i;
const WRITE_HINT = new RegExp(
  [
    '\\b(?:insert|update|delete|merge|into|lock|notify|pg_notify|nextval|setval|txid_current|pg_current_xact_id)\\b',
    '\\bpg_advisory\\w*',
    '\\blo_\\w+',
    '\\bfor\\s+(?:no\\s+key\\s+|key\\s+)?share\\b',
    `\\b(?:${VOLATILE_FUNCTIONS.join('|')})\\b`,
  ].join('|'),
  'i',
);

/**
 * Whether a statement text might write or lock: anything but a `select` that names no writing
 * clause or function (judged on the words, so a comment that says "update" counts as a write; a
 * mistake this way only costs the round trip that deferring saves).
 */
export function mayWrite(text: string): boolean {
  return !SELECT_FIRST.test(text) || WRITE_HINT.test(text);
}

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
 * A named statement that was prepared on this connection, preceded in the same write by the
 * prepared `begin` (Bind/Execute `begin`, then the statement's Bind/Describe/Execute, then one
 * Sync) and, when the connection's previous transaction only read, by its prepared `commit` first.
 * The server answers BindComplete and CommandComplete for each of those first; those
 * CommandCompletes are not the query's result and are passed over.
 */
class BeginThenQuery extends PgQuery {
  #passOver: number;

  constructor(
    config: pg.QueryConfig,
    /** Whether the previous transaction's deferred `commit` goes first. */
    readonly commitFirst: boolean,
    callback: QueryCallback,
  ) {
    super(config, undefined, callback);
    this.#passOver = commitFirst ? 2 : 1;
  }

  submit(connection: WireConnection): null {
    connection.stream.cork?.();
    try {
      if (this.commitFirst) {
        connection.bind({ statement: COMMIT_STATEMENT, values: [] });
        connection.execute({});
      }
      connection.bind({ statement: BEGIN_STATEMENT, values: [] });
      connection.execute({});
      this.prepare(connection);
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  override handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (this.#passOver > 0) {
      this.#passOver -= 1;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/**
 * Sends a query once an earlier one on the same connection has been answered (`pg` no longer
 * wants a second query handed over while one runs), keeping the caller's way of being answered: a
 * callback, a submittable such as a cursor (returned at once, sent later), or a promise. If the
 * earlier query failed, a promise for it rejects with that error.
 */
function after(earlier: Promise<unknown>, query: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  const [first] = args;
  if (typeof args.at(-1) === 'function') {
    void earlier.then(() => query(...args), () => query(...args));
    return undefined;
  }
  if (first && typeof first === 'object' && typeof (first as { submit?: unknown }).submit === 'function') {
    void earlier.then(() => query(...args), () => query(...args));
    return first;
  }
  return earlier.then(() => query(...args));
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
  const nameOf = (text: string): string | null => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= MAX_PREPARED_TEXTS || text.length > MAX_TEXT_LENGTH) return null;
    const name = statementName(text);
    names.set(text, name);
    return name;
  };
  // The same few texts run on every request: judge each once.
  const judged = new Map<string, boolean>();
  const writes = (text: string): boolean => {
    const known = judged.get(text);
    if (known !== undefined) return known;
    const verdict = mayWrite(text);
    if (judged.size < MAX_PREPARED_TEXTS) judged.set(text, verdict);
    return verdict;
  };
  /** What the pool knows of each of its connections. */
  interface Connection {
    wrapper: PostgresPoolClient;
    /** Whether some user of the pool holds the connection now. */
    held: boolean;
    /** The read-only transaction that ended here and whose `commit` has not been sent yet. */
    commitPending: boolean;
    /** Sends a pending `commit` on its own, then the given query (the client's own `query`). */
    sendQuery: (...args: unknown[]) => unknown;
  }
  const connections = new WeakMap<pg.PoolClient, Connection>();
  // Any checkout counts, the pool's own `pool.query` and the job runner's included.
  pool.on('acquire', (client) => {
    const known = connections.get(client);
    if (known) known.held = true;
  });
  pool.on('release', (_error, client) => {
    const known = connections.get(client);
    if (!known) return;
    known.held = false;
    if (known.commitPending) {
      // Not used again within this turn of the event loop: the commit goes out on its own.
      setImmediate(() => {
        if (known.commitPending && !known.held) void known.sendQuery();
      });
    }
  });

  function connectionOf(client: pg.PoolClient): Connection {
    const known = connections.get(client);
    if (known) return known;
    const wire = (client as unknown as { connection: WireConnection }).connection;
    const clientQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
    const isPrepared = (name: string) => wire.parsedStatements[name] !== undefined;
    let beginPending = false;
    let inTransaction = false;
    let readOnly = true;

    const state: Connection = {
      wrapper: undefined as unknown as PostgresPoolClient,
      held: true,
      commitPending: false,
      sendQuery(...args: unknown[]) {
        if (!state.commitPending) return args.length === 0 ? undefined : clientQuery(...args);
        state.commitPending = false;
        // The transaction only read: its commit cannot lose anything, and if it fails the
        // connection is broken and the query after it reports that.
        const committed = (clientQuery({ name: COMMIT_STATEMENT, text: 'commit', values: [] }) as Promise<unknown>).catch(() => undefined);
        return args.length === 0 ? committed : after(committed, clientQuery, args);
      },
    };
    // Every query on this connection, whoever sends it, goes after a pending commit.
    (client as unknown as { query: unknown }).query = state.sendQuery;

    const sendBegin = () => state.sendQuery({ name: BEGIN_STATEMENT, text: 'begin', values: [] });
    const send = (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
      if (inTransaction && (typeof textOrCursor !== 'string' || writes(textOrCursor))) readOnly = false;
      if (typeof textOrCursor === 'string' && parameters && parameters.length > 0) {
        const name = nameOf(textOrCursor);
        if (name) return state.sendQuery({ name, text: textOrCursor, values: [...parameters] });
      }
      return state.sendQuery(textOrCursor, parameters);
    };
    const endTransaction = (command: 'commit' | 'rollback'): unknown => {
      inTransaction = false;
      if (command === 'commit' && readOnly && isPrepared(COMMIT_STATEMENT)) {
        state.commitPending = true;
        return completed('COMMIT');
      }
      // A commit is sent as the prepared statement, so that later read-only ones can be deferred.
      return command === 'commit' ? state.sendQuery({ name: COMMIT_STATEMENT, text: 'commit', values: [] }) : state.sendQuery('rollback');
    };

    state.wrapper = {
      query(textOrCursor: unknown, parameters?: ReadonlyArray<unknown>) {
        const bare = typeof textOrCursor === 'string' && (!parameters || parameters.length === 0);
        if (bare && textOrCursor === 'begin') {
          if (beginPending || inTransaction) throw new Error('begin inside a transaction that has not ended');
          inTransaction = true;
          readOnly = true;
          if (!isPrepared(BEGIN_STATEMENT)) return sendBegin();
          beginPending = true;
          return completed('BEGIN');
        }
        if (bare && inTransaction && (textOrCursor === 'commit' || textOrCursor === 'rollback')) {
          // Nothing ran in the transaction: there is nothing to commit or roll back.
          if (beginPending) {
            beginPending = false;
            inTransaction = false;
            return completed(textOrCursor.toUpperCase());
          }
          return endTransaction(textOrCursor);
        }
        if (!beginPending) return send(textOrCursor, parameters);
        beginPending = false;
        const name = typeof textOrCursor === 'string' && parameters && parameters.length > 0 ? nameOf(textOrCursor) : null;
        const commitFirst = state.commitPending;
        if (name && isPrepared(name) && wire.parsedStatements[name] === textOrCursor) {
          if (writes(textOrCursor as string)) readOnly = false;
          state.commitPending = false;
          return new Promise((resolve, reject) => {
            const query = new BeginThenQuery({ name, text: textOrCursor as string, values: [...parameters!] }, commitFirst, (error, result) =>
              error ? reject(error) : resolve(result as never));
            clientQuery(query as unknown as pg.QueryConfig);
          });
        }
        // The statement is not prepared on this connection yet: `begin` goes first, on its own.
        return after(sendBegin() as Promise<unknown>, (...args) => send(args[0], args[1] as ReadonlyArray<unknown> | undefined), [textOrCursor, parameters]);
      },
      release() {
        beginPending = false;
        inTransaction = false;
        client.release();
      },
    } as PostgresPoolClient;
    connections.set(client, state);
    return state;
  }

  return {
    async connect() {
      const client = await pool.connect();
      const connection = connectionOf(client);
      connection.held = true;
      return connection.wrapper;
    },
    end() {
      return pool.end();
    },
  };
}
