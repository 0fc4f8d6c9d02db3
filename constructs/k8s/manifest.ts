// The one ApiObject type the charts create. Its body is plain JSON when constructed: core kinds come from the
// typed cdk8s-plus-27 imports (`KubeDeployment.manifest(props)` checks every field name and type at compile
// time), custom resources from the typed props of their constructs. Serialising therefore skips cdk8s' token
// resolution, which walks every value of every object and was half the render time; the repository uses no
// Lazy values or tokens, and applies no JSON patches (both would be ignored here).
import { ApiObject, Chart } from 'cdk8s';
import type { Construct } from 'constructs';

export interface ManifestBody {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

export class Manifest extends ApiObject {
  private readonly body: ManifestBody;

  constructor(scope: Construct, id: string, body: ManifestBody) {
    super(scope, id, body);
    // The chart's common labels, under the object's own (which win), as cdk8s would merge them.
    const metadata = body.metadata ?? {};
    const own = (metadata.labels ?? {}) as Readonly<Record<string, string>>;
    this.body = { ...body, metadata: { ...metadata, labels: { ...Chart.of(this).labels, ...own } } };
  }

  /** The body as constructed (metadata edits through `this.metadata` are not supported, nor JSON patches). */
  override toJson(): Record<string, unknown> {
    return { ...this.body };
  }
}
