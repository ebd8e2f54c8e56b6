/*
 * Near misses of a YAML file: the file with one to three small edits of the kinds that make YAML
 * mean something else or nothing at all (a line dropped, doubled or moved, indentation changed by a
 * space or two, an indicator, quote, tag, anchor or line break put somewhere). From a seed, so that a
 * failure names its mutant.
 */

const TOKENS = [
  ': ', ':', '- ', '-', '#', ' #', "'", '"', "''", '[', ']', '{', '}', ',', '!Ref ', '!If ', '!Unknown ', '!!str ', '&a ', '*a', '|', '>', '|-', '>+', '|2',
  '\n', '\r\n', ' ', '  ', '---', '...', '\\', '\\n', '\\x4', '? ', '~', '.inf', '1e3', '0x1F', '0o7', 'null', 'True', '%YAML 1.2\n', '\n  ', '\n- ', '\n  - ', '<<: ',
];

export function mutate(text: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let out = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const lines = out.split('\n');
    const i = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2:
        lines[i] = pick([' ', '  ']) + (lines[i] ?? '');
        break;
      case 3:
        lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '');
        break;
      case 4: {
        const j = Math.floor(next() * lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      default: {
        const line = lines[i] ?? '';
        const at = Math.floor(next() * (line.length + 1));
        lines[i] = line.slice(0, at) + pick(TOKENS) + line.slice(at);
      }
    }
    out = lines.join('\n');
  }
  return out;
}
