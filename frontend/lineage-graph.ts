import cytoscape from 'cytoscape';

/** The graph as the server sends it (see LineageGraph.java). */
export interface LineageGraphJson {
  nodes: {
    id: string;
    label: string;
    type: string;
    /** The type's display name, declared by its plugin: what the legend shows. */
    typeName?: string;
    kind: 'ARTIFACT' | 'EXECUTION' | 'CONTEXT' | string;
    parent?: string;
  }[];
  edges: { id: string; source: string; target: string }[];
}

const EMPTY: LineageGraphJson = { nodes: [], edges: [] };

/**
 * A type's colour, derived from the type's name alone: the same type has the same colour on every
 * page and in every session, with no palette to keep in step with the plugins. The golden angle
 * spreads neighbouring hash values around the colour wheel.
 */
export function colourOf(type: string): string {
  let hash = 2166136261;
  for (let i = 0; i < type.length; i++) {
    hash ^= type.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  const hue = Math.round(((hash >>> 0) * 137.508) % 360);
  return `hsl(${hue}, 62%, 44%)`;
}

const STYLE = `
  :host {
    display: flex;
    flex-direction: column;
    min-height: 240px;
    overflow: hidden;
    border: 1px solid var(--lumo-contrast-10pct, #e0e0e0);
    border-radius: var(--lumo-border-radius-m, 6px);
    background: var(--lumo-base-color, #fff);
  }
  /* The graph has the space above the legend to itself: the legend never covers a node. */
  .canvas {
    position: relative;
    flex: 1 1 auto;
    min-height: 200px;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 6px 10px;
    border-top: 1px solid var(--lumo-contrast-10pct, #e0e0e0);
    font-size: var(--lumo-font-size-s, 13px);
    color: var(--lumo-body-text-color, #1f2933);
  }
  .zoom {
    display: flex;
    gap: 4px;
    align-items: center;
  }
  .zoom button {
    font: inherit;
    min-width: 28px;
    padding: 2px 8px;
    border: 1px solid var(--lumo-contrast-20pct, #c8c8c8);
    border-radius: var(--lumo-border-radius-s, 4px);
    background: var(--lumo-base-color, #fff);
    color: inherit;
    cursor: pointer;
  }
  .hint {
    color: var(--lumo-secondary-text-color, #5f6b7a);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend:empty {
    display: none;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    flex: none;
    width: 12px;
    height: 12px;
    border-radius: 3px;
  }
  .swatch.execution {
    border-radius: 50%;
  }
`;

/**
 * The lineage graph of a project, drawn by cytoscape on a canvas: labels are painted as text, so
 * names recorded by users are never parsed as HTML. The legend is built with textContent only.
 * Fires `node-selected` (detail: {id}) when a node is tapped. The mouse wheel scrolls the page as
 * anywhere else; the graph zooms with ctrl/cmd + wheel or the zoom buttons, so a page never gets
 * stuck under the pointer.
 */
export class LineageGraphElement extends HTMLElement {
  private data: LineageGraphJson = EMPTY;
  private cy?: cytoscape.Core;
  private resizeObserver?: ResizeObserver;
  private readonly canvas: HTMLDivElement;
  private readonly legend: HTMLUListElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.canvas = document.createElement('div');
    this.canvas.className = 'canvas';
    this.canvas.addEventListener('wheel', (event) => this.zoomOnModifiedWheel(event), { passive: false });
    this.legend = document.createElement('ul');
    this.legend.className = 'legend';
    this.legend.setAttribute('aria-label', 'Node types');
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.append(this.zoomButtons(), this.legend);
    root.append(style, this.canvas, bar);
  }

  private zoomButtons(): HTMLElement {
    const zoom = document.createElement('div');
    zoom.className = 'zoom';
    const button = (text: string, label: string, action: () => void) => {
      const element = document.createElement('button');
      element.type = 'button';
      element.textContent = text;
      element.title = label;
      element.setAttribute('aria-label', label);
      element.addEventListener('click', action);
      return element;
    };
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Ctrl/⌘ + wheel zooms';
    zoom.append(
      button('+', 'Zoom in', () => this.zoomBy(1.25)),
      button('−', 'Zoom out', () => this.zoomBy(0.8)),
      button('Fit', 'Fit the graph', () => this.cy && fitReadably(this.cy)),
      hint,
    );
    return zoom;
  }

  private zoomBy(factor: number, at?: { x: number; y: number }): void {
    const cy = this.cy;
    if (!cy) {
      return;
    }
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
    cy.zoom({ level, renderedPosition: at ?? { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  private zoomOnModifiedWheel(event: WheelEvent): void {
    if (!(event.ctrlKey || event.metaKey)) {
      return; // the page scrolls
    }
    event.preventDefault();
    const box = this.canvas.getBoundingClientRect();
    this.zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1, { x: event.clientX - box.left, y: event.clientY - box.top });
  }

  get graph(): LineageGraphJson {
    return this.data;
  }

  set graph(value: LineageGraphJson | null | undefined) {
    this.data = value ?? EMPTY;
    if (this.isConnected) {
      this.render();
    }
  }

  connectedCallback(): void {
    // The server may set `graph` before this element was defined: the value then sits in an own
    // property that hides the setter. Take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'graph')) {
      const early = (this as unknown as { graph?: LineageGraphJson }).graph;
      delete (this as unknown as { graph?: LineageGraphJson }).graph;
      this.data = early ?? EMPTY;
    }
    // Cytoscape measures its container once; follow every later size change (layout, window).
    this.resizeObserver = new ResizeObserver(() => {
      if (this.cy) {
        this.cy.resize();
        fitReadably(this.cy);
      }
    });
    this.resizeObserver.observe(this);
    this.render();
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.cy?.destroy();
    this.cy = undefined;
  }

  private render(): void {
    this.cy?.destroy();
    const textColour = getComputedStyle(this).getPropertyValue('--lumo-body-text-color').trim() || '#1f2933';
    const cy = cytoscape({
      container: this.canvas,
      elements: this.elements(),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            color: textColour,
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
            width: 34,
            height: 34,
          },
        },
        { selector: 'node[kind = "ARTIFACT"]', style: { shape: 'round-rectangle', width: 44, height: 30 } },
        { selector: 'node[kind = "EXECUTION"]', style: { shape: 'ellipse' } },
        {
          // The project's context holds every artifact and execution of the project (a compound node).
          selector: 'node[kind = "CONTEXT"]',
          style: {
            shape: 'round-rectangle',
            'background-opacity': 0.08,
            'border-width': 1,
            'border-color': 'data(colour)',
            'text-valign': 'top',
            'text-margin-y': -6,
            'font-weight': 'bold',
            padding: '24px',
          },
        },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1a73e8' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
          },
        },
      ],
      minZoom: 0.2,
      maxZoom: 3,
      // Cytoscape's own wheel zoom captures the page's scrolling: zoom is ctrl/cmd + wheel or buttons.
      userZoomingEnabled: false,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => {
      this.dispatchEvent(
        new CustomEvent('node-selected', { detail: { id: event.target.id() }, bubbles: true, composed: true }),
      );
    });
    // Lay out the artifacts and executions; the context (a compound node) wraps whatever they occupy.
    const laidOut = cy.nodes(':childless').union(cy.edges());
    const roots = laidOut.nodes().roots();
    laidOut.layout({
      name: 'breadthfirst',
      directed: true,
      spacingFactor: 1.1,
      padding: 30,
      roots: roots.nonempty() ? roots.map((root) => root.id()) : undefined,
      // Breadthfirst stacks levels top to bottom; swapping the axes makes data flow left to right.
      transform: (_node, position) => ({ x: position.y, y: position.x }),
    }).run();
    spreadForLabels(laidOut.nodes());
    fitReadably(cy);
    this.cy = cy;
    this.renderLegend();
  }

  private elements(): cytoscape.ElementDefinition[] {
    const nodes = this.data.nodes.map((node) => ({
      group: 'nodes' as const,
      data: {
        id: node.id,
        label: node.label,
        type: node.type,
        kind: node.kind,
        colour: colourOf(node.type),
        ...(node.parent && this.data.nodes.some((other) => other.id === node.parent) ? { parent: node.parent } : {}),
      },
    }));
    const ids = new Set(this.data.nodes.map((node) => node.id));
    // An edge to a node that is not drawn would make cytoscape throw and leave the view blank.
    const edges = this.data.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ group: 'edges' as const, data: { id: edge.id, source: edge.source, target: edge.target } }));
    return [...nodes, ...edges];
  }

  private renderLegend(): void {
    const kinds = new Map<string, string>();
    const names = new Map<string, string>();
    this.data.nodes.forEach((node) => {
      kinds.set(node.type, node.kind);
      names.set(node.type, node.typeName || node.type);
    });
    const byName = (a: string, b: string) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b);
    const items = [...kinds.keys()].sort(byName).map((type) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = kinds.get(type) === 'EXECUTION' ? 'swatch execution' : 'swatch';
      swatch.style.backgroundColor = colourOf(type);
      const name = document.createElement('span');
      name.textContent = names.get(type) ?? type;
      item.append(swatch, name);
      return item;
    });
    this.legend.replaceChildren(...items);
  }
}

// Labels are wider than the nodes, and breadthfirst spaces nodes by node size only, so neighbouring
// labels ran into each other. Spread the positions until levels (left to right) are one label width
// apart and nodes of one level (top to bottom) leave room for a label line under each.
const LEVEL_GAP = 170;
const ROW_GAP = 72;
const MAX_FIT_ZOOM = 1.3;

function smallestGap(values: number[]): number {
  const sorted = [...new Set(values.map((v) => Math.round(v)))].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  }
  return gap;
}

function spreadForLabels(nodes: cytoscape.NodeCollection): void {
  const xGap = smallestGap(nodes.map((n) => n.position('x')));
  const yGap = smallestGap(nodes.map((n) => n.position('y')));
  const sx = Number.isFinite(xGap) && xGap > 0 && xGap < LEVEL_GAP ? LEVEL_GAP / xGap : 1;
  const sy = Number.isFinite(yGap) && yGap > 0 && yGap < ROW_GAP ? ROW_GAP / yGap : 1;
  if (sx !== 1 || sy !== 1) {
    nodes.positions((n) => ({ x: n.position('x') * sx, y: n.position('y') * sy }));
  }
}

// Fit the graph to the canvas, but never zoom a small graph up past a readable size.
function fitReadably(cy: cytoscape.Core): void {
  cy.fit(undefined, 30);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

if (!customElements.get('lineage-graph')) {
  customElements.define('lineage-graph', LineageGraphElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'lineage-graph': LineageGraphElement;
  }
}
