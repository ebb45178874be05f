import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** A distribution as the server sends it (see DistributionChart.java). */
export interface DistributionJson {
  /** One label per bin or category, e.g. "10 – 20" or "basic". */
  labels: string[];
  /** One or more series over the same bins; two are drawn overlaid (reference and current). */
  series: { name: string; values: number[] }[];
  /** The y axis title, e.g. "Rows" or "Share of rows". */
  yTitle: string;
  /** Whether y values are shares (0..1) to show as percentages. */
  shares: boolean;
}

const COLOURS = ['rgba(37, 99, 235, 0.55)', 'rgba(234, 88, 12, 0.55)', 'rgba(22, 163, 74, 0.55)'];

/**
 * A histogram or category chart of one column, or two columns' distributions overlaid (drift).
 * Chart.js draws on a canvas: labels come from the data (category values typed by users) and are
 * painted as text, never parsed as HTML.
 */
class DistributionChartElement extends HTMLElement {
  private data: DistributionJson = { labels: [], series: [], yTitle: '', shares: false };
  private chart?: Chart;
  private readonly canvas: HTMLCanvasElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; position: relative; min-height: 240px; } canvas { width: 100%; height: 100%; }';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    root.append(style, this.canvas);
  }

  get distribution(): DistributionJson {
    return this.data;
  }

  set distribution(value: DistributionJson | null | undefined) {
    this.data = value ?? { labels: [], series: [], yTitle: '', shares: false };
    if (this.isConnected) {
      this.render();
    }
  }

  connectedCallback(): void {
    // The server may set `distribution` before this element was defined: take the own property over.
    if (Object.prototype.hasOwnProperty.call(this, 'distribution')) {
      const early = (this as unknown as { distribution?: DistributionJson }).distribution;
      delete (this as unknown as { distribution?: DistributionJson }).distribution;
      this.data = early ?? this.data;
    }
    this.render();
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private render(): void {
    this.chart?.destroy();
    this.canvas.setAttribute('aria-label', this.getAttribute('aria-label') ?? 'Distribution of values');
    const shares = this.data.shares;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: this.data.labels,
        datasets: this.data.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length].replace('0.55', '1'),
          borderWidth: 1,
          // Overlaid, not side by side: two distributions over the same bins.
          grouped: false,
          barPercentage: 1.0,
          categoryPercentage: 0.96,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: {
            beginAtZero: true,
            title: { display: this.data.yTitle.length > 0, text: this.data.yTitle },
            ticks: shares ? { callback: (v) => `${Math.round(Number(v) * 1000) / 10}%` } : {},
          },
        },
        plugins: {
          legend: { display: this.data.series.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => {
                const v = Number(item.parsed.y);
                return `${item.dataset.label}: ${shares ? (Math.round(v * 10000) / 100) + '%' : v.toLocaleString()}`;
              },
            },
          },
        },
      },
    };
    this.chart = new Chart(this.canvas, config);
  }
}

if (!customElements.get('distribution-chart')) {
  customElements.define('distribution-chart', DistributionChartElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'distribution-chart': DistributionChartElement;
  }
}
