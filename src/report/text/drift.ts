import type { Explained } from '../../drift/explain.js';
import { paint } from '../layout.js';
import { printable } from '../printable.js';

const show = (v: unknown) => (v === null ? '-' : typeof v === 'string' ? v : JSON.stringify(v));

/** People's format for `check-model`: where the schemas and the model differ, the drift in red, then the verdict. */
export function renderDriftText(result: Explained, color: boolean, source: string): string {
  const c = paint(color);
  const head = ['status', 'operation', 'part', 'path', 'shape', 'difference', 'model', 'ours'];
  const row = (d: Explained['differences'][number]) => [d.explainedBy ?? 'DRIFT', d.operation ?? '*', d.part, d.path || '-', d.shape || '-', d.kind, show(d.model), show(d.ours)];
  const rows = result.differences.map((d) => row(d).map(printable));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [`Model: ${printable(source)}`, ''];
  if (rows.length > 0) {
    out.push(c('bold', line(head)));
    result.differences.forEach((d, i) => out.push(d.explainedBy ? line(rows[i]!) : c('error', line(rows[i]!))));
    out.push('');
  }
  const drift = result.differences.filter((d) => !d.explainedBy).length;
  const explained = result.differences.length - drift;
  if (result.unused.length > 0) out.push(c('warning', printable(`Stale explanations in spec/model-drift.yaml (they explain nothing): ${result.unused.join(', ')}`)));
  out.push(
    drift === 0
      ? `No drift: ${explained} difference${explained === 1 ? '' : 's'}, all explained in spec/model-drift.yaml.`
      : `${drift} difference${drift === 1 ? '' : 's'} not explained in spec/model-drift.yaml (DRIFT), ${explained} explained.`,
  );
  return out.join('\n') + '\n';
}
