// The modules of the application, found on disk: every folder under src/modules/ with an index.ts
// that exports `manifest`. The host composes routes, navigation, jobs, message catalogs and demo
// data from these manifests only, so a module is added by adding its folder.
import { readdirSync, existsSync } from 'node:fs';
import type { ModuleManifest, NavigationEntry, ModuleJob, DemoSeed } from '../access/manifest.ts';
import type { AnyRoute } from '../access/route.ts';
import type { Importer } from '../platform/import/index.ts';
import { registerMessages } from '../ui/messages/index.ts';

const modulesDir = new URL('../modules/', import.meta.url);

async function loadModules(): Promise<ModuleManifest[]> {
  const names = readdirSync(modulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.ts`, modulesDir)))
    .map((d) => d.name)
    .sort();
  const manifests: ModuleManifest[] = [];
  for (const name of names) {
    const exported = (await import(new URL(`${name}/index.ts`, modulesDir).href)) as { manifest?: ModuleManifest };
    if (!exported.manifest) throw new Error(`src/modules/${name}/index.ts exports no manifest`);
    if (exported.manifest.name !== name) throw new Error(`src/modules/${name}/index.ts: manifest.name is "${exported.manifest.name}", expected "${name}"`);
    manifests.push(exported.manifest);
  }
  return manifests;
}

/** Every module's manifest, in the order of their folder names. */
export const modules: readonly ModuleManifest[] = await loadModules();

// The message catalogs of every module join the core catalog once, before any page is rendered.
for (const m of modules) if (m.messages) registerMessages(m.name, m.messages);

export const moduleRoutes: AnyRoute[] = modules.flatMap((m) => m.routes);

export const moduleNavigation: NavigationEntry[] = modules
  .flatMap((m) => m.navigation ?? [])
  .sort((a, b) => a.order - b.order);

export const moduleJobs: ModuleJob[] = modules.flatMap((m) => m.jobs ?? []);

/** Every module's importers by kind; two importers of one kind are a mistake found at start. */
export const moduleImporters: ReadonlyMap<string, Importer> = new Map(
  modules.flatMap((m) => m.importers ?? []).map((importer, _i, all) => {
    if (all.filter((other) => other.kind === importer.kind).length > 1) throw new Error(`Two importers of kind ${importer.kind}`);
    return [importer.kind, importer] as const;
  }),
);

export const moduleDemoSeeds: DemoSeed[] = modules
  .flatMap((m) => (m.demo ? [m.demo] : []))
  .sort((a, b) => a.order - b.order);
