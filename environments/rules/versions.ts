// Engine and Kubernetes versions only go up. EKS, RDS, ElastiCache, OpenSearch Service and MSK upgrade in place
// but offer no in-place downgrade; a lower version in the model would plan a replacement of the cluster or data
// store, or fail to apply. The committed render records the versions (deploy/<env>/versions.json); validation
// compares the model against it. Sources: EKS "Update existing cluster to new Kubernetes version"
// (https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html, "Once you upgrade a cluster, you can't
// downgrade"); ElastiCache ModifyReplicationGroup, EngineVersion
// (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyReplicationGroup.html, "you cannot
// downgrade to an earlier engine version"); RDS "Upgrading the PostgreSQL DB engine"
// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.PostgreSQL.html); OpenSearch
// Service "Upgrading domains" (https://docs.aws.amazon.com/opensearch-service/latest/developerguide/version-migration.html);
// MSK "Updating the Apache Kafka version" (https://docs.aws.amazon.com/msk/latest/developerguide/version-upgrades.html).
import { compareVersions, versionFields } from '../versions';
import { type EnvironmentRule, violation } from './types';

export const versionsNeverGoDown: EnvironmentRule = {
  id: 'versions-never-go-down',
  description:
    'Kubernetes and engine versions are never lower than the committed render records (deploy/<env>/versions.json)',
  check: (env, { committedVersions }) =>
    committedVersions === undefined
      ? []
      : versionFields.flatMap(({ path, service, read }) => {
          const committed = committedVersions[path];
          const current = read(env);
          const order = committed === undefined ? undefined : compareVersions(current, committed);
          return order !== undefined && order < 0
            ? [
                violation(
                  path,
                  current,
                  `expected ${committed} or later: deploy/${env.name}/versions.json records ${committed}, and ${service} cannot be downgraded in place`,
                ),
              ]
            : [];
        }),
};

export const versionRules = [versionsNeverGoDown];
