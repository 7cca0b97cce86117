// Reading back the Word files the app makes, for the tests: the parts of the package (jszip), the
// section's page setup, and each paragraph with the properties Word would give it — its runs' own, then
// its paragraph's, then its style's and the styles that style is based on, then the document defaults.
// The files are ours and regular, so attributes are read with patterns, not a full XML parser.
import JSZip from 'jszip';

export interface Docx {
  document: string;
  styles: string;
  settings: string;
  /** The footers by their type in the section (default, even, first). */
  footers: Map<string, string>;
}

export async function readDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`the package has no ${name}`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const rels = await part('word/_rels/document.xml.rels');
  const footers = new Map<string, string>();
  for (const [, type, id] of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${id ?? ''}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (type && target) footers.set(type, await part(`word/${target}`));
  }
  return {
    document,
    styles: await part('word/styles.xml'),
    settings: await part('word/settings.xml'),
    footers,
  };
}

/** An attribute of the first element named `element` in `xml`, or undefined. */
export function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0] ?? '';
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

const numberOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** What Word sets a run in and how it lays out its paragraph, as far as these tests look. */
export interface Properties {
  eastAsia?: string;
  ascii?: string;
  /** Half-points. */
  size?: number;
  color?: string;
  /** w:spacing of a run: twips added to each character. */
  characterSpacing?: number;
  alignment?: string;
  firstLine?: number;
  firstLineChars?: number;
  indentLeft?: number;
  indentRight?: number;
  line?: number;
  lineRule?: string;
  before?: number;
  borderBottomColor?: string;
  styleId?: string;
}

function runProperties(rPr: string): Properties {
  return {
    eastAsia: attribute(rPr, 'w:rFonts', 'w:eastAsia'),
    ascii: attribute(rPr, 'w:rFonts', 'w:ascii'),
    size: numberOf(attribute(rPr, 'w:sz', 'w:val')),
    color: attribute(rPr, 'w:color', 'w:val'),
    characterSpacing: numberOf(attribute(rPr, 'w:spacing', 'w:val')),
  };
}

function paragraphProperties(pPr: string): Properties {
  return {
    styleId: attribute(pPr, 'w:pStyle', 'w:val'),
    alignment: attribute(pPr, 'w:jc', 'w:val'),
    firstLine: numberOf(attribute(pPr, 'w:ind', 'w:firstLine')),
    firstLineChars: numberOf(attribute(pPr, 'w:ind', 'w:firstLineChars')),
    indentLeft: numberOf(attribute(pPr, 'w:ind', 'w:left')),
    indentRight: numberOf(attribute(pPr, 'w:ind', 'w:right')),
    line: numberOf(attribute(pPr, 'w:spacing', 'w:line')),
    lineRule: attribute(pPr, 'w:spacing', 'w:lineRule'),
    before: numberOf(attribute(pPr, 'w:spacing', 'w:before')),
    borderBottomColor: attribute(/<w:pBdr>[\s\S]*?<\/w:pBdr>/.exec(pPr)?.[0] ?? '', 'w:bottom', 'w:color'),
  };
}

const element = (xml: string, name: string) =>
  new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';

/** Later layers win where they say something. */
const merge = (...layers: Properties[]): Properties =>
  Object.fromEntries(
    layers.flatMap((layer) => Object.entries(layer)).filter(([, value]) => value !== undefined),
  );

interface Style {
  basedOn?: string;
  properties: Properties;
}

function stylesOf(stylesXml: string): { defaults: Properties; styles: Map<string, Style> } {
  const defaults = merge(
    paragraphProperties(element(element(stylesXml, 'w:pPrDefault'), 'w:pPr')),
    runProperties(element(element(stylesXml, 'w:rPrDefault'), 'w:rPr')),
  );
  const styles = new Map<string, Style>();
  for (const [xml, id] of stylesXml.matchAll(/<w:style [^>]*w:styleId="(\w+)"[^>]*>[\s\S]*?<\/w:style>/g)) {
    if (!id) continue;
    const { styleId: _ignored, ...paragraph } = paragraphProperties(element(xml, 'w:pPr'));
    styles.set(id, {
      basedOn: attribute(xml, 'w:basedOn', 'w:val'),
      properties: merge(paragraph, runProperties(element(xml, 'w:rPr'))),
    });
  }
  return { defaults, styles };
}

export interface WordParagraph {
  /** Its text, runs joined. */
  text: string;
  /** Its properties as its first run with text is set. */
  properties: Properties;
  /** Each run's text and properties. */
  runs: { text: string; properties: Properties }[];
}

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : (m[1] ?? '')))
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/** Every paragraph of a part (document or footer), table cells' included, in order. */
export function paragraphsOf(part: string, stylesXml: string): WordParagraph[] {
  const { defaults, styles } = stylesOf(stylesXml);
  const styleChain = (id: string | undefined): Properties[] => {
    const chain: Properties[] = [];
    for (let at = id ?? 'Normal', depth = 0; depth < 10; depth += 1) {
      const style = styles.get(at);
      if (!style) break;
      chain.unshift(style.properties);
      if (!style.basedOn) break;
      at = style.basedOn;
    }
    return chain;
  };
  return [...part.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => {
    const pPr = paragraphProperties(element(inner, 'w:pPr'));
    const base = merge(defaults, ...styleChain(pPr.styleId), pPr);
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run = '']) => ({
      text: textOf(run),
      properties: merge(base, runProperties(element(run, 'w:rPr'))),
    }));
    const first = runs.find((r) => r.text.trim() !== '');
    return { text: runs.map((r) => r.text).join(''), properties: first?.properties ?? base, runs };
  });
}

/** The text of a part with all whitespace taken out, as pdftotext's is compared. */
export const plainWords = (part: string): string => textOf(part).replace(/\s+/g, '');
