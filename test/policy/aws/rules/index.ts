// The AWS rule catalogue: one module per family, in the order the README table lists them.
import type { Rule } from '../types';
import { cloudfrontRules } from './cloudfront';
import { cloudfrontOriginRules } from './cloudfront-origins';
import { ecrRules } from './ecr';
import { eksRules } from './eks';
import { elasticacheRules } from './elasticache';
import { iamPermissionRules } from './iam-permissions';
import { iamTrustRules } from './iam-trust';
import { logsMskRules } from './logs-msk';
import { opensearchRules } from './opensearch';
import { rdsRules } from './rds';
import { rdsParameterRules } from './rds-parameters';
import { s3AccessRules } from './s3-access';
import { s3DataRules } from './s3-data';
import { secretsKmsRules } from './secrets-kms';
import { securityGroupRules } from './security-groups';
import { statefulRules } from './stateful';
import { vpcRules } from './vpc';

export const awsRules: readonly Rule[] = [
  ...vpcRules,
  ...securityGroupRules,
  ...eksRules,
  ...rdsRules,
  ...rdsParameterRules,
  ...elasticacheRules,
  ...opensearchRules,
  ...s3AccessRules,
  ...s3DataRules,
  ...ecrRules,
  ...secretsKmsRules,
  ...cloudfrontRules,
  ...cloudfrontOriginRules,
  ...iamTrustRules,
  ...iamPermissionRules,
  ...logsMskRules,
  ...statefulRules,
];
