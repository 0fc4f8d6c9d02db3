// The NFR catalogue: every numeric promise of vendor/runbook/skillforge-ops-runbook.md, in runbook order.
import type { NfrEntry } from '../types';
import { alertEntries } from './alerts';
import { deliveryEntries } from './delivery';
import { guardrailEntries } from './guardrails';
import { oncallEntries } from './oncall';
import { topologyEntries } from './topology';

export const catalogue: readonly NfrEntry[] = [
  ...topologyEntries,
  ...deliveryEntries,
  ...oncallEntries,
  ...alertEntries,
  ...guardrailEntries,
];
