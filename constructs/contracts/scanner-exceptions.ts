// The model's accepted scanner findings (`scannerExceptions`), as each scanner wants them: checkov's baseline for
// the Terraform JSON, checkov and kube-score annotations on Kubernetes objects, trivy's .trivyignore.yaml.
// Pure functions of the model (and of the rendered stacks, to expand "*" into the addresses checkov matches).
import type {
  EnvConfig,
  KubernetesTarget,
  ScannerException,
  ScannerName,
  ScannerTarget,
  TerraformTarget,
} from '../../environments';

export interface ActiveScannerException extends ScannerException {
  readonly id: string;
}

/** The records that apply to this environment, by id. */
export function scannerExceptionsOf(env: EnvConfig): ActiveScannerException[] {
  return Object.entries(env.scannerExceptions)
    .filter(([, record]) => record.environments === undefined || record.environments.includes(env.name))
    .map(([id, record]) => ({ id, ...record }) as ActiveScannerException)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** `*` in a model pattern matches any run of characters; everything else is literal. */
export function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}

/** Where a rendered Kubernetes object lives: deploy/<env>/k8s/<folder>/<kind>.<name>.yaml. */
export interface RenderedObjectRef {
  readonly folder: string;
  readonly kind: string;
  readonly name: string;
  /** The container images the object runs, as rendered (none for objects without a pod template). */
  readonly images?: readonly string[];
}

/** checkov's image-digest check; its accepted findings are the images' own `tagOnlyException`s. */
const IMAGE_DIGEST_CHECK = 'CKV_K8S_43';

/**
 * checkov skips for the external images an object runs by tag: each image's `tagOnlyException` (the record rule
 * external-images-pinned accepts, and refuses once lapsed) is the one record, so the reason and expiry are written once.
 */
function tagOnlyImageSkips(env: EnvConfig, images: readonly string[]): string[] {
  return Object.entries(env.images).flatMap(([name, image]) => {
    const exception = image.source === 'external' ? image.tagOnlyException : undefined;
    if (exception === undefined || !images.includes(`${image.repository}:${image.tag}`)) return [];
    return [
      `${IMAGE_DIGEST_CHECK}=${exception.reason.replaceAll('=', ':')} (images.${name}.tagOnlyException, expires ${exception.expires})`,
    ];
  });
}

export function kubernetesTargetMatches(target: KubernetesTarget, object: RenderedObjectRef): boolean {
  return (
    globMatches(target.namespace, object.folder) &&
    globMatches(target.kind, object.kind) &&
    globMatches(target.name, object.name)
  );
}

const forScanner = (env: EnvConfig, scanner: ScannerName) =>
  scannerExceptionsOf(env).filter((record) => record.scanner === scanner);

const isKubernetes = (target: ScannerTarget): target is KubernetesTarget =>
  target !== 'everywhere' && 'kind' in target;
const isTerraform = (target: ScannerTarget): target is TerraformTarget =>
  target !== 'everywhere' && 'stack' in target;

/**
 * Annotations that suppress accepted findings on one object: `checkov.io/skip<N>: <check>=<reason>` (checkov's
 * Kubernetes skip format; checkov splits the value at "=", so the reason may not hold one) and
 * `kube-score/ignore: <check>,<check>`. The model's records, plus the image-digest skips of its tag-only images.
 */
export function scannerSkipAnnotations(env: EnvConfig, object: RenderedObjectRef): Record<string, string> {
  const matching = (scanner: ScannerName) =>
    forScanner(env, scanner).filter((record) =>
      record.targets.some((target) => isKubernetes(target) && kubernetesTargetMatches(target, object)),
    );
  const annotations: Record<string, string> = {};
  const checkovSkips = matching('checkov').flatMap((record) =>
    record.checks
      .filter((check) => !isSecretsCheck(check))
      .map(
        (check) => `${check}=${record.reason.replaceAll('=', ':')} (${record.id}, expires ${record.expires})`,
      ),
  );
  checkovSkips.push(...tagOnlyImageSkips(env, object.images ?? []));
  checkovSkips.forEach((skip, index) => (annotations[`checkov.io/skip${index + 1}`] = skip));
  const kubeScore = [...new Set(matching('kube-score').flatMap((record) => record.checks))];
  if (kubeScore.length > 0) annotations['kube-score/ignore'] = kubeScore.join(',');
  return annotations;
}

/** One rendered stack: its folder under deploy/<env>/terraform and its Terraform JSON. */
export interface RenderedStack {
  readonly stack: string;
  readonly config: { readonly resource?: object; readonly data?: object };
}

/** Resource addresses of a stack as the model names them: `<type>.<name>` and `data.<type>.<name>`. */
function addressesOf(config: RenderedStack['config']): string[] {
  const blocks = (section: object | undefined, prefix: string) =>
    Object.entries(section ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName as object).map((name) => `${prefix}${type}.${name}`),
    );
  return [...blocks(config.resource, ''), ...blocks(config.data, 'data.')];
}

/**
 * The names checkov 3.3 reports for an address: graph checks say `<type>.<name>`; its Terraform JSON runner's
 * Python checks say `resource.<name>` or `data.<name>`. A baseline entry lists both so either matches.
 */
function checkovNames(address: string): string[] {
  const parts = address.split('.');
  const name = parts.at(-1)!;
  return parts[0] === 'data' ? [address, `data.${name}`] : [address, `resource.${name}`];
}

const stackMatches = (env: EnvConfig, pattern: string, stack: string) =>
  globMatches(`${env.name}-${pattern}`, stack);

/** checkov's baseline format (`--baseline`): per file, the resources and the check ids accepted on each. */
export function checkovTerraformBaseline(env: EnvConfig, stacks: readonly RenderedStack[]): object {
  const records = forScanner(env, 'checkov');
  const files = stacks.map(({ stack, config }) => {
    const checksByName = new Map<string, Set<string>>();
    for (const record of records) {
      const targets = record.targets.filter(isTerraform).filter((t) => stackMatches(env, t.stack, stack));
      const addresses = addressesOf(config).filter((address) =>
        targets.some((target) => globMatches(target.resource ?? '', address)),
      );
      for (const address of addresses) {
        for (const name of checkovNames(address)) {
          const checks = checksByName.get(name) ?? new Set<string>();
          record.checks.forEach((check) => checks.add(check));
          checksByName.set(name, checks);
        }
      }
    }
    const findings = [...checksByName]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([resource, checks]) => ({ resource, check_ids: [...checks].sort() }));
    return { file: `/${stack}/cdk.tf.json`, findings };
  });
  return { failed_checks: files.filter((file) => file.findings.length > 0) };
}

/**
 * trivy's ignore file (`--ignorefile`, paths relative to deploy/<env>, the folder trivy scans). trivy itself
 * stops honouring an entry after `expired_at`.
 */
export function trivyIgnoreFile(env: EnvConfig): object {
  const misconfigurations = forScanner(env, 'trivy').flatMap((record) => {
    const paths = record.targets.includes('everywhere')
      ? undefined
      : record.targets.map((target) => trivyPath(env, target));
    return record.checks.map((id) => ({
      id,
      ...(paths ? { paths } : {}),
      // The model's expiry day still counts; trivy reads an RFC 3339 time (a quoted bare date fails to parse).
      expired_at: `${record.expires}T23:59:59Z`,
      statement: `${record.reason} (${record.id})`,
    }));
  });
  return { misconfigurations };
}

function trivyPath(env: EnvConfig, target: ScannerTarget): string {
  if (isKubernetes(target)) return `k8s/${target.namespace}/${target.kind}.${target.name}.yaml`;
  return `terraform/${env.name}-${(target as TerraformTarget).stack}/cdk.tf.json`;
}

/** checkov's secrets framework ignores annotations: its skips go in the repository's .checkov.yaml instead. */
const isSecretsCheck = (check: string) => check.startsWith('CKV_SECRET_');

/**
 * The repository's .checkov.yaml: `skip-check` entries `<check>:<path regex>` (checkov skips a secrets finding
 * by file) for every checkov record on a secrets check, in every environment it applies to.
 */
export function checkovSecretsConfig(envs: readonly EnvConfig[]): object {
  const regex = (text: string) =>
    text
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
  const skips = envs.flatMap((env) =>
    forScanner(env, 'checkov').flatMap((record) =>
      record.targets
        .filter(isKubernetes)
        .flatMap((target) =>
          record.checks
            .filter(isSecretsCheck)
            .map(
              (check) =>
                `${check}:${regex(`deploy/${env.name}/k8s/${target.namespace}/${target.kind}.${target.name}.yaml`)}`,
            ),
        ),
    ),
  );
  return { 'skip-check': [...new Set(skips)].sort() };
}
