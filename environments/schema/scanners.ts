// Accepted scanner findings: each record names one scanner, its check ids and what it applies to, and carries the
// reason and expiry every loosened default carries (`expiringException`). Synth renders the records into each
// scanner's own suppression format (checkov baseline and skip annotations, .trivyignore.yaml, kube-score ignore
// annotations), so a record is written once and a platform team running the scanners by hand sees the same result.
import { z } from 'zod';
import { expiringException } from './primitives';

export const scannerNames = ['checkov', 'trivy', 'kube-score'] as const;
export const scannerName = z.enum(scannerNames);
export type ScannerName = z.infer<typeof scannerName>;

const CHECK_ID: Record<ScannerName, RegExp> = {
  checkov: /^CKV2?_[A-Z0-9]+_\d+$/,
  trivy: /^(AVD-)?[A-Z0-9]+-\d{4,5}$/,
  'kube-score': /^[a-z0-9]+(-[a-z0-9]+)*$/,
};
const CHECK_EXAMPLE: Record<ScannerName, string> = {
  checkov: 'CKV_AWS_18',
  trivy: 'AWS-0089 or KSV-0048',
  'kube-score': 'service-targets-pod',
};

/** `*` matches any run of characters, so one record can cover, say, every bucket of a stack. */
const glob = (what: string, example: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_.*-]+$/, `expected ${what} (letters, digits, "_", ".", "-", "*"), e.g. ${example}`);

/**
 * A resource of the rendered Terraform JSON: the stack's layer (`data` for deploy/<env>/terraform/<env>-data) and
 * its address as in cdk.tf.json (`aws_s3_bucket.storage_assets_bucket`, `data.aws_iam_policy_document.x`).
 * trivy matches findings by file only: a trivy record names the stack and leaves `resource` out.
 */
const terraformTarget = z.strictObject({
  stack: glob('a stack layer such as "data", or "*"', 'data'),
  resource: z
    .string()
    .regex(
      /^(data\.)?[a-z0-9_]+\.[A-Za-z0-9_*-]+$/,
      'expected <type>.<name> as in cdk.tf.json, e.g. aws_s3_bucket.storage_assets_bucket ("*" allowed in the name)',
    )
    .optional(),
});

/** A rendered Kubernetes object: deploy/<env>/k8s/<namespace>/<kind>.<name>.yaml. */
const kubernetesTarget = z.strictObject({
  /** The folder under deploy/<env>/k8s: the namespace, or the chart of a cluster-scoped object. */
  namespace: glob('a namespace, or a pattern with "*"', 'api'),
  kind: z.string().regex(/^([A-Z][A-Za-z]+|\*)$/, 'expected a Kubernetes kind such as Deployment, or "*"'),
  name: glob('an object name, or a pattern with "*"', 'flagd'),
});

/** Every file the scanner reads: only for a trivy check that judges each file for what only a cluster can have. */
const everywhereTarget = z.literal('everywhere');

export const scannerExceptionSchema = z
  .strictObject({
    scanner: scannerName,
    checks: z.array(z.string()).min(1, 'expected at least one check id'),
    /** What it applies to; several targets when one decision covers several objects. */
    targets: z.array(z.union([terraformTarget, kubernetesTarget, everywhereTarget])).min(1),
    /** Environments it applies to; every environment when left out. */
    environments: z.array(z.string()).min(1).optional(),
    ...expiringException.shape,
  })
  .superRefine((record, ctx) => {
    for (const [index, check] of record.checks.entries()) {
      if (!CHECK_ID[record.scanner].test(check)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checks', index],
          input: check,
          message: `expected a ${record.scanner} check id such as ${CHECK_EXAMPLE[record.scanner]}`,
        });
      }
    }
    for (const [index, target] of record.targets.entries()) {
      const problem = targetProblem(record.scanner, target);
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['targets', index], input: target, message: problem });
    }
  });

export type ScannerException = z.infer<typeof scannerExceptionSchema>;
export type ScannerTarget = ScannerException['targets'][number];
export type TerraformTarget = z.infer<typeof terraformTarget>;
export type KubernetesTarget = z.infer<typeof kubernetesTarget>;

/** Each scanner suppresses at its own granularity; a target finer or coarser than that is refused. */
function targetProblem(scanner: ScannerName, target: ScannerTarget): string | undefined {
  if (target === 'everywhere') {
    return scanner === 'trivy'
      ? undefined
      : `only trivy records may apply everywhere; name the ${scanner} target`;
  }
  if ('kind' in target) return undefined;
  if (scanner === 'kube-score')
    return 'kube-score reads only Kubernetes objects: name namespace, kind and name';
  if (scanner === 'checkov' && target.resource === undefined) {
    return 'checkov skips one resource at a time: name the resource (<type>.<name>, "*" allowed)';
  }
  if (scanner === 'trivy' && target.resource !== undefined) {
    return 'trivy ignores findings by file: name the stack only (it ignores that check in the whole stack)';
  }
  return undefined;
}

const RECORD_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Records by a stable kebab-case id, which error messages and the NFR report quote. */
export const scannerExceptionsSchema = z
  .record(z.string(), scannerExceptionSchema)
  .superRefine((records, ctx) => {
    for (const id of Object.keys(records).filter((key) => !RECORD_ID.test(key))) {
      ctx.addIssue({
        code: 'custom',
        path: [id],
        input: id,
        message: 'expected a kebab-case record id such as access-log-bucket-logs-not-itself',
      });
    }
  });
