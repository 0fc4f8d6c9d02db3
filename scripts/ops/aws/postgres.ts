// Connection facts about the application database that the model does not (yet) carry. The RDS instance and its
// secret are named by constructs/contracts; these two defaults are documented in docs/runbooks/seed-onet-data.md
// and can be overridden with --database-url or the standard PG* variables.

/** The application database on the RDS instance. */
export const APP_DATABASE = 'skillforge';
/** The role the seed connects as when neither --database-url nor PGUSER says otherwise. */
export const DEFAULT_SEED_USER = 'skillforge';
export const POSTGRES_PORT = 5432;
