// A bar chart of counts as inline SVG markup: no chart library, readable by
// screen readers (role="img", a title, a text label and value on every bar).
export interface Bar {
  label: string;
  value: number;
  /** A CSS colour; the page passes its palette. */
  color: string;
}

export interface ChartOptions {
  title: string;
  width?: number;
  barHeight?: number;
  gap?: number;
  /** Width kept for the labels on the left. */
  labelWidth?: number;
}

export const escapeXml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

export interface BarGeometry extends Bar {
  y: number;
  width: number;
}

/** Where each bar goes: horizontal bars scaled to the largest value (at least 1, so 0 stays 0). */
export function layoutBars(bars: readonly Bar[], options: ChartOptions) {
  const width = options.width ?? 480;
  const barHeight = options.barHeight ?? 24;
  const gap = options.gap ?? 10;
  const labelWidth = options.labelWidth ?? 150;
  const valueWidth = 40;
  const plot = Math.max(10, width - labelWidth - valueWidth);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * (barHeight + gap) + gap;
  const geometry: BarGeometry[] = bars.map((b, i) => ({
    ...b,
    y: gap + i * (barHeight + gap),
    width: b.value <= 0 ? 0 : Math.max(2, Math.round((b.value / max) * plot)),
  }));
  return { width, height, barHeight, labelWidth, geometry };
}

export function barChartSvg(bars: readonly Bar[], options: ChartOptions): string {
  const { width, height, barHeight, labelWidth, geometry } = layoutBars(bars, options);
  const title = escapeXml(options.title);
  const parts = geometry.map((b) => {
    const label = escapeXml(b.label);
    const mid = b.y + barHeight / 2;
    return (
      `<g class="bar"><title>${label}: ${b.value}</title>` +
      `<text x="${labelWidth - 8}" y="${mid}" text-anchor="end" dominant-baseline="middle">${label}</text>` +
      `<rect x="${labelWidth}" y="${b.y}" width="${b.width}" height="${barHeight}" rx="2" fill="${escapeXml(b.color)}"/>` +
      `<text x="${labelWidth + b.width + 6}" y="${mid}" dominant-baseline="middle" class="value">${b.value}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title>${title}</title>${parts.join('')}</svg>`
  );
}
