// A NetworkPolicy for the pods of one platform component (a Helm chart's pods), rendered only where the
// environment installs that component.
import type { Construct } from 'constructs';
import type { EnvConfig } from '../../environments';
import { type Flow, NetworkPolicy } from '../../constructs/k8s/network-policy';
import { type Component, hasComponent, namespaceOf } from '../plan/components';

export type ComponentPolicy = (
  id: string,
  name: string,
  component: Component,
  flows: { ingress?: Flow[]; egress?: Flow[] },
) => void;

export const componentPolicies =
  (scope: Construct, env: EnvConfig): ComponentPolicy =>
  (id, name, component, flows) => {
    if (!hasComponent(env, component)) return;
    new NetworkPolicy(scope, id, {
      name,
      namespace: namespaceOf(env, component),
      podLabels: component.pods,
      ...flows,
    });
  };
