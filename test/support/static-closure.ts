import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The modules a source file loads when it is loaded: its static imports and re-exports, followed
 * through src/ (`import type` and `import()` load nothing then). Packages are listed by name.
 */
export function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1]!;
      visit(spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : spec);
    }
  };
  visit(entry);
  return seen;
}
