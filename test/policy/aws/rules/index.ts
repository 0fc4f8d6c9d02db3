// The project's own AWS rules: what no scanner checks. Everything checkov and trivy check runs in test/scanners/.
import type { Rule } from '../types';
import { iamTrustRules } from './iam-trust';
import { statefulRules } from './stateful';

export const awsRules: readonly Rule[] = [...iamTrustRules, ...statefulRules];
