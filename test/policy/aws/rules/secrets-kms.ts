// Secrets Manager secrets and KMS keys (checkov SecretManager*/KMS*, trivy aws/ssm and aws/kms).
import { expectAttribute, failed, isTrue, passed, skipped } from '../expect';
import { change, fixture, fixtureKmsKey, fixtureKmsKeyArn, policyJson, ref } from '../fixtures';
import { hasWildcardPrincipal } from '../policy';
import type { Attributes, CheckResult, Resource, Rule, RuleContext } from '../types';
import { asNumber, lookup, show } from '../values';

const SECRET = 'aws_secretsmanager_secret';
const ROTATION = 'aws_secretsmanager_secret_rotation';
const KEY = 'aws_kms_key';

/** Our bar for rotation; checkov's CKV_AWS_304 allows up to 90 days. */
export const MAX_ROTATION_DAYS = 30;

const compliantSecret: Attributes = {
  name: 'skillforge/prod/postgres-app',
  kms_key_id: fixtureKmsKeyArn,
  recovery_window_in_days: 30,
};
const compliantRotation: Attributes = {
  secret_id: ref(SECRET, 'db', 'id'),
  rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-postgres',
  rotation_rules: { automatically_after_days: 30 },
};

/** `rotation: null` leaves the secret without a rotation resource. */
function secretStack(secret: Attributes, rotation: Attributes | null = compliantRotation) {
  return {
    [KEY]: { data: fixtureKmsKey },
    [SECRET]: { db: secret },
    ...(rotation === null ? {} : { [ROTATION]: { db: rotation } }),
  };
}

const compliantSecrets = [fixture('compliant secret with rotation', secretStack(compliantSecret))];
const compliantKeys = [fixture('compliant key', { [KEY]: { data: fixtureKmsKey } })];
const keyFixture = (name: string, changes: Readonly<Record<string, unknown>>) =>
  fixture(name, { [KEY]: { data: change(fixtureKmsKey, changes) } });

function judgeSecretKey(r: Resource, ctx: RuleContext): CheckResult {
  const key = lookup(r.values, 'kms_key_id');
  if (key.kind === 'missing')
    return failed('kms_key_id is not set (the AWS-managed aws/secretsmanager key is used)');
  if (key.kind === 'token') {
    return ctx.isResolvableToken(key.text)
      ? passed(`kms_key_id is ${key.text}`)
      : failed(`kms_key_id is the unresolved token ${key.text}`);
  }
  return typeof key.value === 'string' && key.value.includes('aws/')
    ? failed(`kms_key_id ${show(key.value)} is an AWS-managed key`)
    : passed(`kms_key_id is ${show(key.value)}`);
}

/** automatically_after_days, or a rate() schedule; a cron() schedule cannot be compared with the bar. */
function judgeRotationInterval(r: Resource): CheckResult {
  const days = lookup(r.values, 'rotation_rules.automatically_after_days');
  const schedule = lookup(r.values, 'rotation_rules.schedule_expression');
  if (days.kind === 'value') {
    const n = asNumber(days.value);
    return n !== undefined && n <= MAX_ROTATION_DAYS
      ? passed(`rotates every ${n} days`)
      : failed(
          `rotation_rules.automatically_after_days is ${show(days.value)} (expected at most ${MAX_ROTATION_DAYS})`,
        );
  }
  if (schedule.kind === 'value' && typeof schedule.value === 'string') {
    const rate = /^rate\((\d+) (hour|hours|day|days)\)$/.exec(schedule.value);
    if (!rate)
      return failed(`schedule_expression ${show(schedule.value)} cannot be checked: use rate(N days)`);
    const inDays = Number(rate[1]) / (rate[2]?.startsWith('hour') ? 24 : 1);
    return inDays <= MAX_ROTATION_DAYS
      ? passed(`rotates on ${schedule.value}`)
      : failed(
          `schedule_expression ${show(schedule.value)} rotates less often than every ${MAX_ROTATION_DAYS} days`,
        );
  }
  return failed('rotation_rules sets neither automatically_after_days nor a schedule_expression');
}

/** Asymmetric and HMAC keys cannot rotate automatically; checkov reports them as unknown. */
function isSymmetric(r: Resource): boolean {
  const spec = r.values['customer_master_key_spec'] ?? r.values['key_spec'];
  return spec === undefined || spec === 'SYMMETRIC_DEFAULT';
}

export const secretsKmsRules: readonly Rule[] = [
  {
    id: 'secrets-cmk',
    checkIds: ['CKV_AWS_149', 'AVD-AWS-0098'],
    resourceTypes: [SECRET],
    severity: 'medium',
    description:
      'Secrets are encrypted with our KMS key (kms_key_id set and not an alias/aws/… managed key).',
    check: judgeSecretKey,
    good: compliantSecrets,
    bad: [
      fixture('AWS-managed key', secretStack(change(compliantSecret, { kms_key_id: undefined }))),
      fixture(
        'explicit aws/secretsmanager alias',
        secretStack(change(compliantSecret, { kms_key_id: 'alias/aws/secretsmanager' })),
      ),
    ],
  },
  {
    id: 'secrets-rotation',
    checkIds: ['CKV2_AWS_57'],
    resourceTypes: [SECRET],
    severity: 'medium',
    description: 'Every secret has an aws_secretsmanager_secret_rotation connected by secret_id.',
    check: (r, ctx) => {
      const rotations = ctx.referencing(r, ROTATION, 'secret_id');
      return rotations.length > 0
        ? passed(`rotated by ${rotations[0]?.address}`)
        : failed(`no ${ROTATION} references this secret`);
    },
    good: compliantSecrets,
    bad: [fixture('never rotated', secretStack(compliantSecret, null))],
  },
  {
    id: 'secrets-rotation-interval',
    checkIds: ['CKV_AWS_304'],
    resourceTypes: [ROTATION],
    severity: 'medium',
    description: `Secrets rotate at least every ${MAX_ROTATION_DAYS} days (checkov allows 90; a cron() schedule fails because it cannot be checked).`,
    check: judgeRotationInterval,
    good: [
      ...compliantSecrets,
      fixture(
        'rate schedule',
        secretStack(
          compliantSecret,
          change(compliantRotation, { rotation_rules: { schedule_expression: 'rate(14 days)' } }),
        ),
      ),
    ],
    bad: [
      fixture(
        '90 days',
        secretStack(
          compliantSecret,
          change(compliantRotation, { rotation_rules: { automatically_after_days: 90 } }),
        ),
      ),
      fixture(
        'cron schedule',
        secretStack(
          compliantSecret,
          change(compliantRotation, { rotation_rules: { schedule_expression: 'cron(0 4 1 * ? *)' } }),
        ),
      ),
      fixture(
        'no interval',
        secretStack(compliantSecret, change(compliantRotation, { rotation_rules: { duration: '2h' } })),
      ),
    ],
  },
  {
    id: 'kms-key-rotation',
    checkIds: ['CKV_AWS_7', 'AVD-AWS-0065'],
    resourceTypes: [KEY],
    severity: 'medium',
    description:
      'Symmetric keys rotate their material yearly (enable_key_rotation = true); other key specs are skipped.',
    check: (r) =>
      isSymmetric(r)
        ? expectAttribute(r, 'enable_key_rotation', isTrue)
        : skipped(
            `key spec ${show(r.values['customer_master_key_spec'] ?? r.values['key_spec'])} cannot rotate automatically`,
          ),
    good: compliantKeys,
    bad: [
      keyFixture('rotation off', { enable_key_rotation: false }),
      keyFixture('rotation unset', { enable_key_rotation: undefined }),
    ],
  },
  {
    id: 'kms-no-wildcard-principal',
    checkIds: ['CKV_AWS_33'],
    resourceTypes: [KEY],
    severity: 'critical',
    description: 'The key policy never allows Principal "*" (conditions do not excuse it, as in checkov).',
    check: (r, ctx) => {
      if (r.values['policy'] === undefined)
        return passed('no inline key policy (checked by kms-explicit-policy)');
      const policy = ctx.policy(r.values['policy']);
      if (!policy.ok) return failed(policy.reason);
      const open = policy.statements.findIndex((s) => s.effect === 'Allow' && hasWildcardPrincipal(s));
      return open === -1
        ? passed('no Allow statement names Principal "*"')
        : failed(`statement ${open + 1} allows Principal "*"`);
    },
    good: compliantKeys,
    bad: [
      keyFixture('wildcard principal', {
        policy: policyJson({
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Resource: '*',
        }),
      }),
    ],
  },
  {
    id: 'kms-explicit-policy',
    checkIds: ['CKV2_AWS_64'],
    resourceTypes: [KEY],
    severity: 'low',
    description:
      'Every key has an explicit policy (policy, or an aws_kms_key_policy connected by key_id), not the account default.',
    check: (r, ctx) => {
      if (r.values['policy'] !== undefined) return passed('policy is set on the key');
      const attached = ctx.referencing(r, 'aws_kms_key_policy', 'key_id');
      return attached.length > 0
        ? passed(`policy is set by ${attached[0]?.address}`)
        : failed('no policy on the key and no aws_kms_key_policy references it');
    },
    good: [
      ...compliantKeys,
      fixture('separate aws_kms_key_policy', {
        [KEY]: { data: change(fixtureKmsKey, { policy: undefined }) },
        aws_kms_key_policy: { data: { key_id: ref(KEY, 'data', 'id'), policy: fixtureKmsKey['policy'] } },
      }),
    ],
    bad: [keyFixture('default key policy', { policy: undefined })],
  },
];
