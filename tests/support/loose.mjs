// The loose-output rule, as pyplay_content::loose_match and
// tests/cpython_check.py have it: line by line, each … in the pattern stands
// for any run of characters within that line; line counts must agree. A
// null (no error line) matches only null. All three pass the cases in
// tests/loose_match_cases.json (tests/unit/loose.test.mjs runs them here).
export function looseMatch(pattern, text) {
  if (pattern === null || text === null) return pattern === text;
  const want = pattern.split('\n');
  const got = text.split('\n');
  return want.length === got.length && want.every((w, i) => looseLine(w, got[i]));
}

function looseLine(pattern, line) {
  const parts = pattern.split('…');
  if (parts.length === 1) return pattern === line;
  const first = parts[0];
  const last = parts.at(-1);
  if (line.length < first.length + last.length || !line.startsWith(first) || !line.endsWith(last)) return false;
  let pos = first.length;
  const end = line.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const at = line.indexOf(part, pos);
    if (at < 0 || at + part.length > end) return false;
    pos = at + part.length;
  }
  return true;
}
