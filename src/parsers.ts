/**
 * ssm-mw-contracts/parsers: the parsers the readers are built on, for tools that want the words of
 * a script or the syntax tree of a .tf file themselves. Each keeps the line and column of what it
 * reads and answers bad input with located problems, never a throw.
 *
 * - parseSh (POSIX shell) and parseCmd (Windows cmd): a script's commands as argv words.
 * - findInScript, findInMarkdown, findInRst, findInMakefile, findInCiYaml: the `aws` command lines
 *   in a shell or batch script, documentation code blocks, Makefile recipes and CI YAML.
 * - parseHcl: HCL native syntax (.tf files) as a syntax tree with diagnostics.
 */
export { parseSh, type ShellWord, type ShellCommand, type SourcePosition } from './parse/shell/sh.js';
export { parseCmd } from './parse/shell/cmd.js';
export { EXPANSION, type CommandWord, type Word } from './parse/shell/words.js';
export { findInScript, findInMarkdown, findInRst, findInMakefile, findInCiYaml, type FoundCommandLine } from './readers/aws-cli/find.js';
export { parseHcl } from './parse/hcl/parser.js';
export type { ParsedFile as HclFile, Diagnostic as HclDiagnostic } from './parse/hcl/ast.js';
