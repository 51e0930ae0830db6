// Starting an import: the job row, its first history entry and the audit entry, in the caller's
// transaction. The caller then hands the file to runImport in the background; runImport waits
// until this transaction has committed (see lockImportJob).
import type { AuditEntry } from '../audit/audit-log.ts';
import type { Tx } from '../db/database.ts';
import { createImportJob } from './import-queries.ts';

/** Writes an audit entry in the caller's transaction, with pact, actor and time filled in by the caller. */
export type AuditWriter = (entry: Omit<AuditEntry, 'pactId' | 'actor' | 'occurredAt' | 'requestId'>) => Promise<void>;

export async function startImport(
  tx: Tx,
  job: { pactId: string; kind: string; createdBy: string | null; fileName: string; bytes: number; now: Date },
  audit: AuditWriter,
): Promise<string> {
  const id = await createImportJob(tx, job);
  // No file name in the log: it is free text and may name a person.
  await audit({
    action: 'import.start', recordType: 'import_job', recordId: id, purpose: 'pact-administration',
    details: { kind: job.kind, bytes: job.bytes },
  });
  return id;
}
