// Turns a DashboardSpec into Grafana dashboard JSON with the Grafana Foundation SDK. Loaded only when dashboards
// are rendered (the SDK's builders cost ~130 ms to load).
import {
  GraphThresholdsStyleConfigBuilder,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LegendPlacement,
  SortOrder,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
} from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardBuilder,
  DatasourceVariableBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type Dashboard,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { EnvConfig } from '../../environments';
import type { ComparisonPanel, DashboardSpec, Target } from './spec';

/** The one datasource variable (dashboard-linter template-datasource-rule); panels point at it. */
export const DATASOURCE_VARIABLE = 'datasource';
const DATASOURCE = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };
export const PRODUCTION_REF = 'A';
export const BASELINE_REF = 'B';

const query = (target: Target, refId: string) =>
  new DataqueryBuilder().expr(target.expr).legendFormat(target.legend).refId(refId).range();

function panel(spec: ComparisonPanel, id: number): PanelBuilder {
  const builder = new PanelBuilder()
    // Fixed ids keep `viewPanel=<id>` links stable across renders.
    .id(id)
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .unit(spec.unit)
    .thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps([...spec.thresholds]))
    .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(GraphThresholdsStyleMode.Dashed))
    .legend(
      new VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.List)
        .placement(LegendPlacement.Bottom),
    )
    // Both series in one tooltip: production and its baseline are read side by side.
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending))
    .withTarget(query(spec.production, PRODUCTION_REF))
    .withTarget(query(spec.baseline, BASELINE_REF))
    // The baseline is drawn dashed so it reads as the reference line, not as another production series.
    .overrideByQuery(BASELINE_REF, [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }]);
  if (spec.min !== undefined) builder.min(spec.min);
  if (spec.max !== undefined) builder.max(spec.max);
  return builder;
}

export function buildDashboard(env: EnvConfig, spec: DashboardSpec): Dashboard {
  const builder = new DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags(['skillforge', 'generated', env.name])
    .readonly()
    .timezone('utc')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .withVariable(new DatasourceVariableBuilder(DATASOURCE_VARIABLE).label('Prometheus').type('prometheus'));
  spec.panels.forEach((comparison, index) => builder.withPanel(panel(comparison, index + 1)));
  return builder.build();
}
