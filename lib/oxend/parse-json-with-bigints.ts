/**
 * Marks an integer the scanner quoted (written as the escape `\u0000`, read back as a NUL). A
 * source string spelling the same escape would come back as a bigint: the schemas that check
 * every field then refuse it, as they refuse any wrong type.
 */
const BIG_INTEGER = "\u0000bigint:";
const BIG_INTEGER_ESCAPED = "\\u0000bigint:";
const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/**
 * JSON.parse, but integers beyond 2^53 (oxend's swarm ids, some heights) come back as exact
 * bigints. lossless-json does the same but builds every string a character at a time: on a
 * 20,000-node `get_service_nodes` answer (23 MB) that was 3.5 million rope fragments, >100 MB of
 * heap, and the indexer ran out of memory. Here one pass outside string literals quotes the
 * unsafe integers with a marker, the native parser does the rest, and the reviver turns marked
 * strings into bigints.
 */
export function parseJsonWithBigInts(text: string): unknown {
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string literal: skip to its closing quote, escapes included
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      continue;
    }
    if (c !== 45 && (c < 48 || c > 57)) continue;
    let end = i + 1;
    while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
    const token = text.slice(i, end);
    if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
      parts.push(text.slice(copiedUpTo, i), `"${BIG_INTEGER_ESCAPED}${token}"`);
      copiedUpTo = end;
    }
    i = end - 1;
  }
  if (parts.length === 0) return JSON.parse(text);
  parts.push(text.slice(copiedUpTo));
  return JSON.parse(parts.join(""), (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(BIG_INTEGER) ? BigInt(value.slice(BIG_INTEGER.length)) : value,
  );
}
