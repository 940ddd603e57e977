// The completeness chart: inline SVG bars scaled to the largest count,
// labelled for people and screen readers, with every text escaped.
import { describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml, layoutBars } from '../../web/src/chart.ts';

const bars = [
  { label: 'Đã nhận', value: 4, color: '#0f6cbd' },
  { label: 'Đúng hạn', value: 3, color: '#107c10' },
  { label: 'Trễ hạn', value: 1, color: '#bc4b09' },
  { label: 'Chưa nộp', value: 12, color: '#8a8886' },
];

describe('bar chart', () => {
  it('scales bars to the largest value; zero draws nothing', () => {
    const { geometry, width, labelWidth } = layoutBars(
      [...bars, { label: 'x', value: 0, color: '#000' }],
      { title: 't', width: 400, labelWidth: 100 },
    );
    const plot = width - labelWidth - 40;
    expect(geometry[3]?.width).toBe(plot);
    expect(geometry[0]?.width).toBe(Math.round((4 / 12) * plot));
    expect(geometry[4]?.width).toBe(0);
    // Bars go down the page without overlapping.
    const ys = geometry.map((g) => g.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('all zero (nobody expected yet) draws empty bars, not NaN', () => {
    const svg = barChartSvg(
      bars.map((b) => ({ ...b, value: 0 })),
      { title: 'Không có' },
    );
    expect(svg).not.toContain('NaN');
    expect([...svg.matchAll(/<rect [^>]*width="0"/g)]).toHaveLength(4);
  });

  it('is an accessible SVG with a title, a label and value per bar', () => {
    const svg = barChartSvg(bars, { title: 'Số cơ quan theo tình trạng nộp (16)' });
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-label="Số cơ quan theo tình trạng nộp \(16\)"/,
    );
    expect([...svg.matchAll(/<g class="bar">/g)]).toHaveLength(4);
    for (const b of bars) {
      expect(svg).toContain(`<title>${b.label}: ${b.value}</title>`);
      expect(svg).toContain(`fill="${b.color}"`);
      expect(svg).toContain(`>${b.label}</text>`);
    }
  });

  it('escapes text, so a label cannot inject markup', () => {
    const svg = barChartSvg([{ label: '<script>"&\'', value: 1, color: '"red' }], {
      title: '<b>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;&quot;&amp;&#39;');
    expect(escapeXml('a&b')).toBe('a&amp;b');
  });
});
