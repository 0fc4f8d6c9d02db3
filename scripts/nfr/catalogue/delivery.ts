// Runbook §2 and §3.2: progressive delivery and secret rotation.
import type { NfrEntry } from '../types';
import { num } from './read';

export const deliveryEntries: readonly NfrEntry[] = [
  {
    id: 'canary-first-step',
    sources: [
      {
        section: '2.1',
        text: 'Progressive delivery (canary 10%, rolling update) to `skillforge-prod`.',
        figures: ['10%'],
      },
    ],
    promise: 'canary first step 10 %',
    fields: ['delivery.canaryFirstStepPercent'],
    display: (v) => `${num(v, 'delivery.canaryFirstStepPercent')} % of traffic`,
    conforms: (v) => num(v, 'delivery.canaryFirstStepPercent') <= 10,
    enforcement: { class: 'enforced', by: ['kubernetes'] },
    appliesWhen: {
      holds: (env) => Object.values(env.services).some((service) => service.delivery === 'canary'),
      otherwise: 'no service of this environment is delivered as a canary',
    },
  },
  {
    id: 'secret-rotation',
    sources: [
      {
        section: '3.2',
        text: 'Rotate credentials in Secrets Manager (auto-rotation for DB/Redis every 30 days).',
        figures: ['30'],
      },
    ],
    promise: 'DB/Redis credentials rotated every 30 days',
    fields: ['secrets.rotationDays'],
    display: (v) => `every ${num(v, 'secrets.rotationDays')} days`,
    conforms: (v) => num(v, 'secrets.rotationDays') <= 30,
    enforcement: { class: 'enforced', by: ['terraform', 'kubernetes'] },
  },
];
