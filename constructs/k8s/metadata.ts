// Object metadata with explicit names (Argo CD tracks objects by name, so cdk8s' hashed names are never used)
// and the NFR provenance annotation for objects that enforce a runbook number.
import type { ObjectMeta } from 'cdk8s-plus-27/lib/imports/k8s';
import { NFR_ANNOTATION, type NfrId, nfrTag } from '../contracts';
import type { Labels } from './labels';

export interface MetadataProps {
  readonly name: string;
  /** Omitted for cluster-scoped objects. */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  /** Runbook numbers this object enforces; becomes the skillforge.io/nfr annotation. Default: none. */
  readonly nfr?: readonly NfrId[];
}

export function objectMeta(props: MetadataProps): ObjectMeta {
  const annotations = {
    ...props.annotations,
    ...(props.nfr && props.nfr.length > 0 ? { [NFR_ANNOTATION]: nfrTag(props.nfr) } : {}),
  };
  return {
    name: props.name,
    ...(props.namespace === undefined ? {} : { namespace: props.namespace }),
    ...(props.labels === undefined ? {} : { labels: { ...props.labels } }),
    ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
  };
}

/** The same metadata as a plain object, for custom resources rendered through ApiObject. */
export function plainMeta(props: MetadataProps): Record<string, unknown> {
  return { ...objectMeta(props) };
}
