/**
 * JSON for people: anything that fits on one line (a run, a reason's fields, a measure) stays on one
 * line; larger objects open up. Still plain JSON, so `runback plan` output can be piped to a tool.
 * `runback plan` and the worked examples in docs/clinical-rules.md both print with it.
 */
export function formatJson(value: unknown, width = 110): string {
  return print(value, '', width);
}

function flat(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return v.length ? `[${v.map(flat).join(', ')}]` : '[]';
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  return entries.length ? `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${flat(x)}`).join(', ')} }` : '{}';
}

/** `lead` is what precedes the value on its first line (indent plus `"key": `), for the width check. */
function print(v: unknown, indent: string, width: number, lead = indent.length): string {
  const one = flat(v);
  if (v === null || typeof v !== 'object' || lead + one.length <= width) return one;
  const next = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => next + print(x, next, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  const line = ([k, x]: [string, unknown]) => {
    const key = `${JSON.stringify(k)}: `;
    return `${next}${key}${print(x, next, width, next.length + key.length)}`;
  };
  return `{\n${entries.map(line).join(',\n')}\n${indent}}`;
}
