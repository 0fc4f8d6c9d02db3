// Runbook §3.4: the on-call escalation path. People keep these promises; the cluster cannot. Alertmanager
// re-notification intervals may be tagged with these ids and then show up as supporting evidence.
import type { NfrEntry } from '../types';
import { num } from './read';

const primary = 'Primary SRE (week-long rotation) – respond within 15 minutes to P1, 30 minutes to P2.';
const secondary = 'Secondary SRE – engages if primary unresponsive in 15 minutes or incident >60 minutes.';
const pagerDuty = 'SRE, through the PagerDuty escalation policy of the P1/P2 services';

export const oncallEntries: readonly NfrEntry[] = [
  {
    id: 'oncall-p1-response',
    sources: [{ section: '3.4', text: primary, figures: ['15'] }],
    promise: 'respond to P1 within 15 min',
    fields: ['oncall.p1ResponseMinutes'],
    display: (v) => `${num(v, 'oncall.p1ResponseMinutes')} min`,
    conforms: (v) => num(v, 'oncall.p1ResponseMinutes') <= 15,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: pagerDuty },
  },
  {
    id: 'oncall-p2-response',
    sources: [{ section: '3.4', text: primary, figures: ['30'] }],
    promise: 'respond to P2 within 30 min',
    fields: ['oncall.p2ResponseMinutes'],
    display: (v) => `${num(v, 'oncall.p2ResponseMinutes')} min`,
    conforms: (v) => num(v, 'oncall.p2ResponseMinutes') <= 30,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: pagerDuty },
  },
  {
    id: 'oncall-secondary-escalation',
    sources: [{ section: '3.4', text: secondary, figures: ['15'] }],
    promise: 'secondary engages after 15 min without response',
    fields: ['oncall.secondaryEscalationMinutes'],
    display: (v) => `${num(v, 'oncall.secondaryEscalationMinutes')} min`,
    conforms: (v) => num(v, 'oncall.secondaryEscalationMinutes') <= 15,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: pagerDuty },
  },
  {
    id: 'oncall-long-incident',
    sources: [{ section: '3.4', text: secondary, figures: ['>60'] }],
    promise: 'secondary engages on incidents > 60 min',
    fields: ['oncall.longIncidentMinutes'],
    display: (v) => `${num(v, 'oncall.longIncidentMinutes')} min`,
    conforms: (v) => num(v, 'oncall.longIncidentMinutes') <= 60,
    enforcement: { class: 'not-enforceable-by-infrastructure', owner: pagerDuty },
  },
  {
    id: 'oncall-manager-p2',
    sources: [
      {
        section: '3.4',
        text: 'Engineering Manager – informed on P1 incidents or prolonged P2 (>2 hours).',
        figures: ['>2'],
      },
    ],
    promise: 'manager informed of P2 incidents > 2 h',
    fields: ['oncall.managerP2EscalationHours'],
    display: (v) => `${num(v, 'oncall.managerP2EscalationHours')} h`,
    conforms: (v) => num(v, 'oncall.managerP2EscalationHours') <= 2,
    enforcement: {
      class: 'not-enforceable-by-infrastructure',
      owner: 'engineering management, notified by the SRE incident commander',
    },
  },
  {
    id: 'post-incident-review',
    sources: [
      {
        section: '3.4',
        text: 'Post-incident review scheduled within 48 hours with action items tracked in Jira.',
        figures: ['48'],
      },
    ],
    promise: 'post-incident review within 48 h',
    fields: ['oncall.postIncidentReviewHours'],
    display: (v) => `${num(v, 'oncall.postIncidentReviewHours')} h`,
    conforms: (v) => num(v, 'oncall.postIncidentReviewHours') <= 48,
    enforcement: {
      class: 'not-enforceable-by-infrastructure',
      owner: 'engineering management (review scheduled and tracked in Jira)',
    },
  },
];
