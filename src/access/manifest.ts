// What a module gives the application: one manifest, exported from its index.ts. The host finds
// every module under src/modules/ and composes their routes, navigation, background jobs, message
// catalogs and demo data from these manifests; adding a module means adding its folder, and
// nothing outside it (docs/architecture.md, "Modules and their manifests").
import type { Importer } from '../platform/import/index.ts';
import type { z } from 'zod';
import type { Tx } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { SealingKey } from '../platform/crypto/sealed-box.ts';
import type { Actor, PactSummary, Permission } from './policy.ts';
import type { AnyRoute, Services } from './route.ts';

/** An entry of the pact's main navigation, shown only when the policy allows its permission. */
export interface NavigationEntry {
  /** The link, or null when there is nothing to link to for this actor. */
  href(pact: PactSummary, actor: Actor): string | null;
  /** A message key of the module's catalog. */
  label: string;
  permission: Permission;
  /** The organisation the permission is asked for (say, the actor's own organisation). */
  organisationOf?(actor: Actor): string | undefined;
  /** Position in the navigation: lower first. Public pages 10–49, member pages 50–89, management 90+. */
  order: number;
}

/** What a job's work gets: the app's services (database, clock, log). */
export interface JobContext {
  services: Services;
}

/**
 * A background job. A recurring job has a `cron`; a job about one record (a reminder on working day
 * N about referral X) has a `payload` schema and is sent with its payload and a start time
 * (`services.jobs.send(name, payload, { startAfter })`); the payload is checked before `run`.
 */
export interface ModuleJob<S extends z.ZodType = z.ZodType> {
  /** Globally unique, `module-verb` (pg-boss queue name). */
  name: string;
  cron?: string;
  payload?: S;
  run(ctx: JobContext, payload: z.output<S>): Promise<void>;
}

/** A message catalog part: Dutch is the source; the English part has exactly its keys. */
export interface MessageCatalogs {
  nl: Record<string, string>;
  en: Record<string, string>;
}

/** What a module's demo data may use while the demo pacts are seeded (outside row-level security). */
export interface DemoContext {
  tx: Tx;
  clock: Clock;
  secondFactorKey: SealingKey;
  /** The demo pacts by key (`lindewaard`, `hagedoorn`). */
  pacts: Record<'lindewaard' | 'hagedoorn', string>;
  /** The demo organisations by key, with their teams by key. */
  organisations: Map<string, { id: string; teams: Map<string, string> }>;
}

export interface DemoSeed {
  /** Seeds run in ascending order (the base pact data first). */
  order: number;
  seed(ctx: DemoContext): Promise<void>;
}

export interface ModuleManifest {
  /** The module's folder name. */
  name: string;
  routes: AnyRoute[];
  navigation?: NavigationEntry[];
  jobs?: ModuleJob[];
  /** The module's CSV importers; uploads of their `kind` are run by the platform's `imports-run` job. */
  importers?: Importer[];
  messages?: MessageCatalogs;
  demo?: DemoSeed;
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

export function defineJob<S extends z.ZodType>(job: ModuleJob<S>): ModuleJob {
  return job as unknown as ModuleJob;
}

/**
 * A module made of sub-modules (pact: agenda, review, initiatives, …): each sub-module has its own
 * manifest part in its index.ts, and the module's manifest is their sum, in the order given. The
 * demo data of the parts run one after the other, in that order.
 */
export function composeModule(name: string, parts: ReadonlyArray<Omit<ModuleManifest, 'name'>>): ModuleManifest {
  const messages: MessageCatalogs = { nl: {}, en: {} };
  for (const part of parts) {
    if (!part.messages) continue;
    for (const key of Object.keys(part.messages.nl)) {
      if (key in messages.nl) throw new Error(`${name}: message key ${key} is defined by two sub-modules`);
    }
    Object.assign(messages.nl, part.messages.nl);
    Object.assign(messages.en, part.messages.en);
  }
  const seeds = parts.flatMap((p) => (p.demo ? [p.demo] : []));
  return {
    name,
    routes: parts.flatMap((p) => p.routes),
    navigation: parts.flatMap((p) => p.navigation ?? []),
    jobs: parts.flatMap((p) => p.jobs ?? []),
    importers: parts.flatMap((p) => p.importers ?? []),
    messages,
    ...(seeds.length > 0
      ? { demo: { order: Math.min(...seeds.map((s) => s.order)), async seed(ctx: DemoContext) { for (const s of [...seeds].sort((a, b) => a.order - b.order)) await s.seed(ctx); } } }
      : {}),
  };
}
