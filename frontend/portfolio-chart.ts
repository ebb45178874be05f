import {
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type Scale,
} from 'chart.js';

Chart.register(ScatterController, PointElement, LinearScale, Tooltip, Legend);

/** One candidate solution as the server sends it (see PortfolioChart.java). */
export interface PortfolioPointJson {
  project: string;
  title: string;
  feasibility: number;
  value: number;
  chosen: boolean;
}

/**
 * The tenant's portfolio: every candidate solution on a value (up) / feasibility (right) chart,
 * one colour per project, chosen solutions drawn larger. Chart.js draws on a canvas, so names
 * typed by users are painted as text and never parsed as HTML.
 */
/** Writes each candidate's title beside its point (canvas text: never parsed as HTML). */
const pointLabels = {
  id: 'cairnPointLabels',
  afterDatasetsDraw(chart: Chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = '11px sans-serif';
    ctx.fillStyle = '#1f2933';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, index) => {
      const titles = (dataset as unknown as { titles: string[] }).titles;
      chart.getDatasetMeta(index).data.forEach((point, i) => {
        const text = titles[i].length > 40 ? titles[i].slice(0, 39) + '…' : titles[i];
        ctx.fillText(text, point.x + 12, point.y);
      });
    });
    ctx.restore();
  },
};

class PortfolioChartElement extends HTMLElement {
  private data: PortfolioPointJson[] = [];
  private chart?: Chart;
  private readonly canvas: HTMLCanvasElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; position: relative; min-height: 320px; } canvas { width: 100%; height: 100%; }';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Candidate solutions by feasibility and value');
    root.append(style, this.canvas);
  }

  get points(): PortfolioPointJson[] {
    return this.data;
  }

  set points(value: PortfolioPointJson[] | null | undefined) {
    this.data = value ?? [];
    if (this.isConnected) {
      this.render();
    }
  }

  connectedCallback(): void {
    // The server may set `points` before this element was defined: take the own property over.
    if (Object.prototype.hasOwnProperty.call(this, 'points')) {
      const early = (this as unknown as { points?: PortfolioPointJson[] }).points;
      delete (this as unknown as { points?: PortfolioPointJson[] }).points;
      this.data = early ?? [];
    }
    this.render();
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private render(): void {
    this.chart?.destroy();
    const projects = [...new Set(this.data.map((p) => p.project))].sort();
    const datasets = projects.map((project, index) => {
      const colour = `hsl(${Math.round((index * 137.508) % 360)}, 62%, 44%)`;
      const points = this.data.filter((p) => p.project === project);
      return {
        label: project,
        data: points.map((p) => ({ x: p.feasibility, y: p.value })),
        titles: points.map((p) => p.title + (p.chosen ? ' (chosen)' : '')),
        pointRadius: points.map((p) => (p.chosen ? 10 : 6)),
        pointHoverRadius: points.map((p) => (p.chosen ? 12 : 8)),
        backgroundColor: colour,
        borderColor: colour,
      };
    });
    const axis = (title: string) => ({
      min: 0.5,
      max: 5.5,
      // Scores are whole numbers: tick them, not the padded ends of the axis.
      afterBuildTicks: (scale: Scale) => {
        scale.ticks = [1, 2, 3, 4, 5].map((value) => ({ value }));
      },
      title: { display: true, text: title },
    });
    const config: ChartConfiguration<'scatter'> = {
      type: 'scatter',
      data: { datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: axis('Feasibility (1 hard – 5 easy)'), y: axis('Value (1 low – 5 high)') },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => {
                const set = item.dataset as unknown as { label: string; titles: string[] };
                return `${set.label}: ${set.titles[item.dataIndex]} (feasibility ${item.parsed.x}, value ${item.parsed.y})`;
              },
            },
          },
        },
      },
    };
    config.plugins = [pointLabels];
    this.chart = new Chart(this.canvas, config);
  }
}

if (!customElements.get('portfolio-chart')) {
  customElements.define('portfolio-chart', PortfolioChartElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'portfolio-chart': PortfolioChartElement;
  }
}
