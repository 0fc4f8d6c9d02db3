// NFR provenance: which Terraform resource implements which of the runbook's numeric promises. The render
// pipeline writes deploy/<env>/terraform/nfr-provenance.json from these tags, and the NFR report (issue #8) reads
// that file, so a promise without a tagged resource shows up as untraced instead of silently unmet.
import { TerraformResource, type TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { NfrId } from '../contracts';

const tags = new WeakMap<IConstruct, Set<NfrId>>();

/** Records that `resource` implements `ids`; repeated calls add to the set. Returns the resource for chaining. */
export function recordNfr<T extends TerraformResource>(resource: T, ...ids: NfrId[]): T {
  const existing = tags.get(resource) ?? new Set<NfrId>();
  ids.forEach((id) => existing.add(id));
  tags.set(resource, existing);
  return resource;
}

/** The ids recorded on one construct, sorted. */
export function nfrIdsOf(construct: IConstruct): NfrId[] {
  return [...(tags.get(construct) ?? [])].sort();
}

export interface NfrTag {
  readonly nfr: NfrId;
  /** Terraform address inside the stack: <type>.<logical id>. */
  readonly object: string;
}

/** Every tag in a stack, one entry per (id, resource), sorted by id then address. */
export function nfrTagsOf(stack: TerraformStack): NfrTag[] {
  return stack.node
    .findAll()
    .filter((node): node is TerraformResource => TerraformResource.isTerraformResource(node))
    .flatMap((resource) =>
      nfrIdsOf(resource).map((nfr) => ({
        nfr,
        object: `${resource.terraformResourceType}.${stack.getLogicalId(resource)}`,
      })),
    )
    .sort((a, b) => (a.nfr === b.nfr ? a.object.localeCompare(b.object) : a.nfr.localeCompare(b.nfr)));
}
