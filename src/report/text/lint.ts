import { printable } from '../printable.js';
import { context, countsText, paint, plural } from '../layout.js';
import { countKinds, findingsOf, summarize, type LintReport, type LintSummary, type ResourceKind, type TaskResult } from '../../lint/engine.js';

/** `2 tasks`, or `2 tasks, 1 window, 1 window target` when the files hold windows and targets too. */
export function resourcesText(counts: Record<ResourceKind, number>): string {
  const parts = counts.task > 0 || counts.window + counts.target === 0 ? [plural(counts.task, 'task')] : [];
  if (counts.window > 0) parts.push(plural(counts.window, 'window'));
  if (counts.target > 0) parts.push(plural(counts.target, 'window target'));
  return parts.join(', ');
}

/** The counts; tasks checked only in part and tasks not checked at all are named whenever there are any. */
export function summaryLine(s: LintSummary): string {
  const suppressed = s.suppressed > 0 ? ` (${s.suppressed} suppressed)` : '';
  const partly = s.partly > 0 ? ` (${s.partly} only in part)` : '';
  const unchecked = s.unchecked > 0 ? `, ${plural(s.unchecked, 'task')} not checked` : '';
  const checked = resourcesText({ task: s.tasks, window: s.windows ?? 0, target: s.targets ?? 0 });
  return `${plural(s.files, 'file')}, ${checked} checked${partly}${unchecked}: ${countsText(s)}${suppressed}`;
}

/** `--show-schedule`: a window's schedule in words, then its next runs (or why there are none) and what they rest on. */
function scheduleLines(name: string, task: TaskResult, shown: NonNullable<TaskResult['schedules']>[number], c: ReturnType<typeof paint>): string[] {
  const where = `${name}:${task.location.line}:${task.location.column}`;
  const variant = shown.variant ? `, when ${shown.variant}` : '';
  const lines = [`${where}: ${c('bold', 'schedule')} ${printable(shown.schedule)}${shown.words ? `: ${printable(shown.words)}` : ''} (${printable(task.resource)}${printable(variant)})`];
  if (shown.startDate || shown.endDate) lines.push(`  active ${shown.startDate ? `from ${printable(shown.startDate)}` : ''}${shown.startDate && shown.endDate ? ' ' : ''}${shown.endDate ? `until ${printable(shown.endDate)}` : ''}`);
  lines.push(shown.runs.length > 0 ? `  next runs: ${shown.runs.join(', ')}` : `  no run times: ${printable(shown.why ?? 'none')}`);
  for (const caveat of shown.caveats) lines.push(`  ${c('dim', '↳')} ${printable(caveat)}`);
  return lines;
}

/**
 * People's format, grouped by file: a line per file with what it holds, then one line per finding,
 * `file:line:col severity code message`, as editors and terminals make clickable, and its fix.
 */
export function renderText(report: LintReport, options: { color: boolean }): string {
  const c = paint(options.color);
  const out: string[] = [];
  for (const file of report.files) {
    const partly = file.tasks.filter((t) => t.checked === 'partly').length;
    const unchecked = file.unchecked.length > 0 ? `, ${plural(file.unchecked.length, 'task')} not checked` : '';
    const tasks = file.inputProblem
      ? `could not be checked${file.reader ? ` (${file.reader})` : ''}`
      : file.tasks.length > 0
        ? `${resourcesText(countKinds(file.tasks))}${partly > 0 ? ` (${partly} only in part)` : ''}${unchecked} (${file.reader})`
        : file.reader
          ? `${file.unchecked.length > 0 ? plural(file.unchecked.length, 'task') + ' not checked' : 'no task'} (${file.reader})`
          : 'not read';
    const findings = findingsOf(file);
    const conditional = file.tasks.filter((t) => t.condition !== undefined).map((t) => printable(`${t.resource} only when condition ${t.condition} is true`));
    const name = printable(file.file);
    out.push(`${c('bold', name)}: ${tasks}${conditional.length > 0 ? `; ${conditional.join('; ')}` : ''}${findings.length === 0 ? ', clean' : ''}`);
    for (const issue of findings) {
      const where = issue.line ? `${name}:${issue.line}:${issue.column}` : name;
      out.push(`${where}: ${c(issue.severity, issue.severity)} ${c('dim', issue.rule ?? issue.code)} ${printable(issue.message)}${context(issue)}`);
      if (issue.hint) out.push(`  ${c('dim', '↳')} ${printable(issue.hint)}`);
    }
    for (const task of file.tasks) for (const shown of task.schedules ?? []) out.push(...scheduleLines(name, task, shown, c));
  }
  out.push(...(out.length > 0 ? [''] : []), summaryLine(summarize(report)));
  return out.join('\n') + '\n';
}
