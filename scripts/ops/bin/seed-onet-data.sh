#!/usr/bin/env bash
# The runbook §3 name of `npm run seed-onet-data`: every argument is passed through, e.g. --env <dev|staging|prod> --dry-run.
# docs/runbooks/seed-onet-data.md describes the procedure.
set -euo pipefail
repository_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec node "${repository_root}/scripts/bin/skillforge.cjs" seed-onet-data "$@"
