// The throwaway PostgreSQL server the tests start: it lives in scripts/ops/postgres/ because `npm run bench`
// times the seed against one too, and commands must not import from test/.
export {
  locatePostgresBinaries,
  type PostgresServer,
  startPostgres,
  type StartPostgresOptions,
} from '../../scripts/ops/postgres/throwaway';
