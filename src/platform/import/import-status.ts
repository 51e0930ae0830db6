// The life of an import job. Pure: the table below is the only place that says which status may
// follow which; the queries refuse any other change (and change only from the status they read,
// so two clicks on "save" cannot both promote).
//
//   staging ──▶ validated ──▶ promoted
//      │            │
//      ├──▶ failed  │
//      ▼      ▼     ▼
//        cancelled

export const importStatuses = ['staging', 'validated', 'failed', 'promoted', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importTransitions: Readonly<Record<ImportStatus, readonly ImportStatus[]>> = {
  // Reading ends in validated (no errors at all) or failed (any file or row error).
  staging: ['validated', 'failed', 'cancelled'],
  // Only a job without errors is ever promoted, and only once.
  validated: ['promoted', 'cancelled'],
  failed: ['cancelled'],
  promoted: [],
  cancelled: [],
};

export function canTransition(from: ImportStatus, to: ImportStatus): boolean {
  return importTransitions[from].includes(to);
}

export function isImportStatus(value: unknown): value is ImportStatus {
  return typeof value === 'string' && (importStatuses as readonly string[]).includes(value);
}

/** True when nothing will change any more without a new upload. */
export function isFinal(status: ImportStatus): boolean {
  return importTransitions[status].every((next) => next === 'cancelled');
}

export class ImportTransitionError extends Error {
  constructor(
    readonly from: ImportStatus,
    readonly to: ImportStatus,
  ) {
    super(`An import job cannot go from ${from} to ${to}`);
    this.name = 'ImportTransitionError';
  }
}
