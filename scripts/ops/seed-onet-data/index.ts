// Public surface of seed-onet-data for the CLI and the bench command.
export { benchSeed, type BenchResult } from './bench';
export {
  resolveConnection,
  type ConnectionSource,
  type DatabaseEndpoint,
  type ResolveConnectionInput,
  type ResolvedConnection,
} from './connection';
export {
  readDataset,
  type OccupationRow,
  type ParsedDataset,
  type RowRejection,
  type SkillRow,
} from './dataset';
export { RejectedRowsError } from './errors';
export { seedOnetData } from './seed';
export { defaultDataDir } from './source-files';
export type {
  AppliedSeedReport,
  DryRunDatabaseStatus,
  DryRunSeedReport,
  SeedHooks,
  SeedLogger,
  SeedOptions,
  SeedReport,
  SeedTable,
  TableChangeCounts,
} from './types';
