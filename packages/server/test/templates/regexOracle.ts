/**
 * The regex TypeMCP compiled URI templates to before issue 14 (exponential on adjacent
 * variables): the property test's oracle for short URIs, where its captures are the reference.
 */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The raw captures the old regex gives `uri` (undefined: no match). */
export function regexCaptures(
  template: string,
  uri: string,
): Array<string | undefined> | undefined {
  let pattern = '^';
  let last = 0;
  const expressions = /\{([^}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = expressions.exec(template))) {
    pattern += escapeRegex(template.slice(last, m.index));
    last = m.index + m[0].length;
    const body = m[1];
    const operator = '+#/?&.;'.includes(body[0]) ? body[0] : '';
    const names = (operator ? body.slice(1) : body)
      .split(',')
      .map((n) => n.trim().replace(/\*$/, '').replace(/:\d+$/, ''))
      .filter(Boolean);
    if (operator === '?' || operator === '&') {
      pattern += '(?:[?&]([^#]*))?';
      continue;
    }
    for (const [i, name] of names.entries()) {
      const sep =
        i === 0
          ? ((
              { '': '', '+': '', '#': '#', '/': '/', '.': '\\.', ';': ';' } as Record<
                string,
                string
              >
            )[operator] ?? '')
          : operator === '/'
            ? '/'
            : ',';
      const chars = operator === '+' || operator === '#' ? '.+?' : '[^/?#,]+';
      pattern += `${escapeRegex(sep.replace(/\\/g, ''))}${operator === ';' ? `${name}=?` : ''}(${chars})`;
    }
  }
  pattern += escapeRegex(template.slice(last)) + '$';
  const match = new RegExp(pattern).exec(uri);
  return match ? match.slice(1) : undefined;
}
