import type { Explained } from '../../drift/explain.js';
import { printableJson } from '../printable.js';

/** `check-model --format json`: the model compared, the paginators file (or null), then every difference and the unused explanations. */
export function renderDriftJson(result: Explained, model: string, paginators: string | undefined): string {
  return printableJson({ model, paginators: paginators ?? null, ...result }) + '\n';
}
