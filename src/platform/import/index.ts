// The generic import pipeline: upload or command line → streaming CSV parse → staging table in
// short chunked transactions → row-level validation report → all-or-nothing promotion.
// How to add an importer: README.md beside this file.
export type { FileError, Importer, ImportColumn, ImportJobRef, Message, RowError, RowResult, StagedValue } from './importer.ts';
export { canTransition, importStatuses, importTransitions, isFinal, isImportStatus, ImportTransitionError, type ImportStatus } from './import-status.ts';
export { bytesSource, detectDelimiter, fileSource, ImportFileError, mapHeader, readRecords, scanFile, type ByteSource } from './csv-reader.ts';
export {
  countErrorRows, findImportJob, flagDuplicateKeys, listImportJobs, listRowErrors, listStatusChanges, lockImportJob, storeImportFile,
  type ImportJobRow, type RowErrorReport,
} from './import-queries.ts';
export { runImport, type ImportDeps, type ImportPhase, type ImportProgress, type ImportRun } from './run-import.ts';
export { promoteImport, type PromoteRefusal, type PromoteResult } from './promote-import.ts';
export { startImport, type AuditWriter } from './start-import.ts';
export { failInterruptedImports, STALE_STAGING_MS } from './fail-interrupted-imports.ts';
export { CLAIM_MINUTES, claimNextImport, MAX_ATTEMPTS, runQueuedImports, type ClaimedImport, type ImportQueueDeps } from './import-queue.ts';
