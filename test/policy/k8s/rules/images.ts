// Images are pinned, so what Argo CD deploys is what was reviewed and scanned.
import { compliantApp, compliantBatch, replacing } from '../fixtures/app';
import { batchContainer, cronJob, deployment, IMAGE } from '../fixtures/workloads';
import type { PolicyRule } from '../types';
import { containerProblems, POD_CONTROLLER_KINDS } from '../workloads';

const kinds = POD_CONTROLLER_KINDS;
const DIGEST = 'sha256:0d5b5a3c8e4f1a9b2c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b';

interface ImageReference {
  readonly tag?: string;
  readonly digest?: string;
}

/** registry[:port]/path[:tag][@digest]: a ':' after the last '/' starts the tag. */
export function parseImage(image: string): ImageReference {
  const [name, digest] = image.split('@', 2);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > lastSlash ? name.slice(colon + 1) : undefined;
  return { ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

function isDigestPinned(image: string): boolean {
  return parseImage(image).digest?.startsWith('sha256:') === true;
}

export const imageRules: readonly PolicyRule[] = [
  {
    id: 'image-pinned',
    checkIds: [
      'kube-score:container-image-tag',
      'kube-linter:latest-tag',
      'polaris:tagNotSpecified',
      'CKV_K8S_14',
      'KSV013',
    ],
    kinds,
    description: 'Every image names an explicit tag other than "latest", or a sha256 digest (preferred).',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const image = container.image ?? '';
        const { tag } = parseImage(image);
        if (isDigestPinned(image)) return undefined;
        if (tag === undefined) return `${label} image "${image}" has no tag: pin a tag or, better, a digest`;
        return tag === 'latest' ? `${label} image "${image}" uses the mutable tag "latest"` : undefined;
      }),
    good: [
      { name: 'immutable ECR tag', objects: compliantApp() },
      {
        name: 'digest',
        objects: replacing(compliantApp(), deployment({ container: { image: `${IMAGE}@${DIGEST}` } })),
      },
      {
        name: 'registry port is not a tag',
        objects: replacing(compliantApp(), deployment({ container: { image: 'registry:5000/web:2.1.0' } })),
      },
    ],
    bad: [
      {
        name: 'latest',
        objects: replacing(compliantApp(), deployment({ container: { image: 'nginx:latest' } })),
      },
      {
        name: 'no tag behind a registry port',
        objects: replacing(compliantApp(), deployment({ container: { image: 'registry:5000/web' } })),
      },
      {
        name: 'CronJob init container without a tag',
        objects: replacing(
          compliantBatch(),
          cronJob({ pod: { initContainers: [batchContainer('prepare', { image: 'busybox' })] } }),
        ),
      },
    ],
  },
  {
    id: 'image-pull-policy',
    checkIds: ['kube-score:container-image-pull-policy', 'polaris:pullPolicyNotAlways', 'CKV_K8S_15'],
    kinds,
    // A tag can be re-pushed unless the registry is immutable; Always makes the node check. A digest cannot
    // change, so a cached copy is the same image and IfNotPresent is safe.
    description:
      'Every container sets imagePullPolicy: Always, or IfNotPresent when the image is pinned by digest.',
    check: ({ manifest }) =>
      containerProblems(manifest, ({ container, label }) => {
        const policy = container.imagePullPolicy;
        if (policy === 'Always') return undefined;
        if (policy === 'IfNotPresent' && isDigestPinned(container.image ?? '')) return undefined;
        return `${label} has imagePullPolicy ${policy ?? 'unset'}: use Always, or IfNotPresent with a digest`;
      }),
    good: [
      { name: 'Always', objects: compliantApp() },
      {
        name: 'IfNotPresent with a digest',
        objects: replacing(
          compliantApp(),
          deployment({ container: { image: `${IMAGE}@${DIGEST}`, imagePullPolicy: 'IfNotPresent' } }),
        ),
      },
    ],
    bad: [
      {
        name: 'IfNotPresent with a tag',
        objects: replacing(compliantApp(), deployment({ container: { imagePullPolicy: 'IfNotPresent' } })),
      },
      {
        name: 'unset',
        objects: replacing(compliantApp(), deployment({ container: { imagePullPolicy: undefined } })),
      },
      {
        name: 'CronJob init container Never',
        objects: replacing(
          compliantBatch(),
          cronJob({ pod: { initContainers: [batchContainer('prepare', { imagePullPolicy: 'Never' })] } }),
        ),
      },
    ],
  },
];
