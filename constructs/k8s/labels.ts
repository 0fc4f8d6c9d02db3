// Label keys every rendered object uses. Selectors only ever use NAME_LABEL, so a selector written here and the
// labels on the pods it targets cannot drift apart.
export type Labels = Readonly<Record<string, string>>;

/** The workload a pod belongs to; the only key selectors (Services, PDBs, policies, spreading) match on. */
export const NAME_LABEL = 'app.kubernetes.io/name';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const PART_OF = 'skillforge';
/** Set by the API server on every namespace (1.22+): how policies select a namespace without labelling it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const selectorFor = (workload: string): Labels => ({ [NAME_LABEL]: workload });

/** Labels of a workload's pods and objects: its selector plus what it is. */
export const workloadLabels = (workload: string, component: string): Labels => ({
  ...selectorFor(workload),
  [COMPONENT_LABEL]: component,
  [PART_OF_LABEL]: PART_OF,
});
