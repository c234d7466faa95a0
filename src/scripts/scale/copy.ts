import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { from as copyFrom } from "pg-copy-streams"

/** The part of a node-postgres client the loader needs. */
export type PgClient = { query: (...args: any[]) => any }

/** One value in PostgreSQL's COPY text format: \N for null, JSON for objects, escaped. */
export function copyCell(value: unknown): string {
  if (value === null || value === undefined) return "\\N"
  const text = typeof value === "object" ? JSON.stringify(value) : String(value)
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
}

export const copyLine = (cells: unknown[]) => cells.map(copyCell).join("\t") + "\n"

/**
 * Streams text chunks (each one or more COPY lines) into table(columns) with backpressure;
 * resolves once PostgreSQL has accepted them all. Runs in whatever transaction the client is in.
 */
export async function copyInto(
  client: PgClient,
  table: string,
  columns: string[],
  chunks: Iterable<string> | AsyncIterable<string>
): Promise<void> {
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(sql)))
}

/** Runs fn in a transaction on client: all of it is committed or none. */
export async function inTransaction<T>(client: PgClient, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN")
  try {
    // The seed can always be run again, so a crash losing the last commits costs nothing.
    await client.query("SET LOCAL synchronous_commit = off")
    const result = await fn()
    await client.query("COMMIT")
    return result
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {})
    throw e
  }
}
