// Which characters a document prints, so that only the font chunks holding them are inlined.

/** The code points of a document's text: markup, styles and data: URLs are not text. */
export function codePointsOf(html: string): Set<number> {
  const text = html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/data:[^"')\s]+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    // A character written as a reference (&#x7763; or &#30563;) is printed as itself.
    .replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (_, ref: string) => {
      const point = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : Number(ref);
      return point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
    });
  // Margin boxes' content (page numbers, a running header) lives in the style sheet: keep its values.
  const quoted = [...html.matchAll(/content\s*:([^;}]*)/g)]
    .map((m) => m[1] ?? '')
    .join(' ')
    // A CSS escape ("\7B2C " is 第) stands for its character.
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hexDigits: string) => {
      const point = parseInt(hexDigits, 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
    });
  const points = new Set<number>();
  for (const ch of text + quoted) points.add(ch.codePointAt(0) ?? 0);
  return points;
}
