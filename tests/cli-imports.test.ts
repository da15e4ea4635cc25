import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules `entry` imports statically, followed through the sources (`import … from`, not `import()`). */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(spec);
    }
  };
  walk(entry);
  return seen;
}

describe('the CLI thread', () => {
  it('starts from an executable that loads nothing but Node itself before it relaunches (the waiting parent stays small)', () => {
    expect([...staticImports(join(__dirname, '../src/cli.ts'))].slice(1).sort()).toEqual(['node:child_process', 'node:url']);
  });

  it('loads neither pdf.js, ExcelJS nor the pipeline: a batch extracts in worker threads, and each would cost the coordinating thread memory a scan batch peaks with', () => {
    const graph = [...staticImports(join(__dirname, '../src/command.ts'))];
    expect(graph.filter((m) => /pdfjs-dist|exceljs|tesseract|onnxruntime|[/\\]pipeline\.ts$|[/\\]src[/\\]index\.ts$/.test(m))).toEqual([]);
    // The walk follows the CLI's own modules (it would pass vacuously otherwise).
    expect(graph.some((m) => m.endsWith('batch.ts'))).toBe(true);
    expect(graph).toContain('@fast-csv/format');
  });
});
