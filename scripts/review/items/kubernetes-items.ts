// Items of Kubernetes manifests: `k8s/<namespace>/<Kind>.<name>.yaml` and `argocd/*.yaml`, one object per
// document. The namespace in the address is the folder, because the folder is what Argo CD syncs: an object that
// moves folder changes owner application, and the old one prunes it.
import { isPlainObject } from '../value-diff';
import {
  parseYamlDocuments,
  textItem,
  uniqueIds,
  type Candidate,
  type ExtractedItem,
} from './extracted-item';

interface ObjectIdentity {
  readonly kind: string;
  readonly name: string;
}

function identityOf(document: unknown): ObjectIdentity | undefined {
  if (!isPlainObject(document) || typeof document.kind !== 'string') return undefined;
  const metadata = document.metadata;
  if (!isPlainObject(metadata) || typeof metadata.name !== 'string') return undefined;
  return { kind: document.kind, name: metadata.name };
}

/** `prefix` is `<namespace>/` for k8s/ folders and '' for argocd/. */
function extractObjects(file: string, text: string, prefix: string): ExtractedItem[] {
  const documents = parseYamlDocuments(file, text).filter((document) => document !== null);
  if (documents.length === 0 || documents.every((document) => identityOf(document) === undefined)) {
    return [textItem(file, text)];
  }
  const candidates: Candidate[] = documents.map((document, index) => {
    const identity = identityOf(document);
    return identity
      ? {
          item: {
            id: `${prefix}${identity.kind}/${identity.name}`,
            kind: identity.kind,
            file,
            body: document,
          },
        }
      : { item: { id: `${file}#${index + 1}`, kind: 'document', file, body: document } };
  });
  return uniqueIds(candidates);
}

export function extractKubernetesItems(file: string, text: string): ExtractedItem[] {
  // k8s/<namespace>/<Kind>.<name>.yaml
  const namespaceFolder = file.split('/')[1];
  return extractObjects(file, text, `${namespaceFolder}/`);
}

export function extractArgoCdItems(file: string, text: string): ExtractedItem[] {
  return extractObjects(file, text, '');
}
