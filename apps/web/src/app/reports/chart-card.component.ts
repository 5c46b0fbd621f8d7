// One figure of the dashboard: a chart for the eye and the same numbers as a table for screen readers
// (and anyone who wants the exact values), which the chart itself is hidden from.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { Count } from '@mih/contracts';
import { LocalNumberPipe } from '../i18n/local-date.pipe';

export interface ChartSeries {
  name: string;
  /** Counts as the API gave them: a hidden one ("<5", "x") is a gap in the chart and its mark in the table. */
  values: Count[];
}

const COLORS = ['#1f4e79', '#c8553d', '#2a9d8f', '#e9c46a', '#6d597a'];

@Component({
  selector: 'mih-chart-card',
  imports: [NgxEchartsDirective, TranslocoPipe, LocalNumberPipe],
  template: `
    <section class="panel chart-card" [attr.aria-labelledby]="id() + '-title'">
      <h2 [id]="id() + '-title'">{{ title() }}</h2>
      @if (categories().length === 0) {
        <p class="muted">{{ 'reports.noData' | transloco }}</p>
      } @else {
        <div echarts class="chart" [options]="options()" [style.height.px]="height()" aria-hidden="true"></div>
        <details>
          <summary>{{ 'reports.showTable' | transloco }}</summary>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col"></th>
                @for (s of series(); track s.name) {
                  <th scope="col" class="number">{{ s.name }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (category of categories(); track $index; let i = $index) {
                <tr>
                  <th scope="row">{{ category }}</th>
                  @for (s of series(); track s.name) {
                    <td class="number">{{ s.values[i] | localNumber: lang() }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </details>
      }
    </section>
  `,
  styles: `
    .chart-card h2 { font-size: 1.05rem; margin: 0 0 8px; }
    .chart { width: 100%; }
    details { margin-top: 8px; }
    summary { cursor: pointer; color: var(--mih-link, #1f4e79); padding: 6px 0; }
    .number { text-align: right; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartCardComponent {
  readonly id = input.required<string>();
  readonly title = input.required<string>();
  readonly categories = input.required<string[]>();
  readonly series = input.required<ChartSeries[]>();
  readonly kind = input<'bar' | 'line'>('bar');
  /** Horizontal bars, for long labels (topics, needs). */
  readonly horizontal = input(false);
  readonly lang = input.required<string>();

  protected readonly height = computed(() => (this.horizontal() ? Math.max(160, 32 * this.categories().length + 40) : 260));

  protected readonly options = computed<EChartsCoreOption>(() => {
    const categoryAxis = { type: 'category', data: this.categories(), inverse: this.horizontal(), axisLabel: { width: 180, overflow: 'truncate' } };
    const valueAxis = { type: 'value', minInterval: 1 };
    return {
      color: COLORS,
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: this.series().length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 16, top: this.series().length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: this.horizontal() ? valueAxis : categoryAxis,
      yAxis: this.horizontal() ? categoryAxis : valueAxis,
      series: this.series().map((s) => ({ name: s.name, type: this.kind(), data: s.values.map((v) => (typeof v === 'number' ? v : null)), symbolSize: 8 })),
    };
  });
}
