/**
 * AWS model patterns are Java regular expressions used with search semantics (`find`, not
 * `matches`): `DocumentVersion`'s `([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)` matches "x$LATESTy".
 * `RegExp.prototype.test` with no `g` flag has exactly those semantics.
 *
 * Flags differ by pattern: `TargetKey` uses `\p{L}`, which only means "a letter" under the `u`
 * flag (without it, it silently matches the text "p{L}"); the UUID patterns escape `-` outside a
 * character class (`\-`), which is a syntax error under `u`. So compile with `u` where the
 * pattern is valid under it, and without where it is not.
 */
export function compileAwsPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    return new RegExp(source);
  }
}

/**
 * The same pattern written so that it means the same thing under the `u` flag, which JSON
 * Schema validators such as ajv apply to every `pattern`. The only construct in this model that
 * needs it is an identity escape of `-` outside a character class (`\-` → `-`).
 */
export function unicodeSafePattern(source: string): string {
  try {
    new RegExp(source, 'u');
    return source;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') {
        const next = source[i + 1];
        out += !inClass && next === '-' ? '-' : c + (next ?? '');
        i++;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
    new RegExp(out, 'u'); // throws if some other construct is not u-safe: a new pattern needs a look
    return out;
  }
}
