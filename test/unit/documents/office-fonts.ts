// A laptop with an office's fonts, made on this one: no 仿宋_GB2312, 方正小标宋简体, 黑体 or
// 楷体_GB2312 can be had from Debian, so free CJK fonts from Debian (Noto CJK SC, AR PL UKai) are cut
// down to a document's characters and renamed to those families with fontTools, then given to
// Chromium through a fontconfig file of their own — which is how an installed system font reaches it.
// The CFF outlines of Noto CJK are turned into TrueType ones on the way, as the offices' fonts are
// TrueType: Chromium embeds a TrueType face by name, a CFF one as nameless Type 3 glyphs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each office face: its family and PostScript names, and the Debian font standing in for it. */
export const OFFICE_FONTS = [
  {
    family: '仿宋_GB2312',
    postscript: 'FangSong_GB2312',
    source: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    member: 'Noto Serif CJK SC',
  },
  {
    family: '方正小标宋简体',
    postscript: 'FZXBSJW--GB1-0',
    source: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
    member: 'Noto Serif CJK SC',
  },
  {
    family: '黑体',
    postscript: 'SimHei',
    source: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    member: 'Noto Sans CJK SC',
  },
  {
    family: '宋体',
    postscript: 'SimSun',
    source: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    member: 'Noto Serif CJK SC',
  },
  {
    family: '楷体_GB2312',
    postscript: 'KaiTi_GB2312',
    source: '/usr/share/fonts/truetype/arphic/ukai.ttc',
    member: 'AR PL UKai CN',
  },
] as const;

const RENAME = `
import sys
from fontTools.ttLib import TTCollection, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

def to_truetype(font):
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 1 if field == 'maxZones' else 0)
    font['maxp'] = maxp
    post = font['post']
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = '\\x00\\x01\\x00\\x00'

source, member, family, postscript, text_file, out = sys.argv[1:7]
font = next(f for f in TTCollection(source).fonts if member in str(f['name'].getDebugName(1)))
options = subset.Options()
options.name_IDs = ['*']
options.name_languages = ['*']
options.layout_features = ['*']
subsetter = subset.Subsetter(options)
subsetter.populate(text=open(text_file, encoding='utf-8').read())
subsetter.subset(font)
name = font['name']
name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17)]
for language in (0x409, 0x804):
    for name_id, value in ((1, family), (2, 'Regular'), (3, postscript), (4, family), (6, postscript)):
        name.setName(value, name_id, 3, 1, language)
if 'CFF ' in font:
    to_truetype(font)
font.save(out)
`;

/** What this machine lacks to make them, or null: fontTools (python3-fonttools) and the sources. */
export function officeFontsMissing(): string | null {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import fontTools'], { stdio: 'ignore' });
  } catch {
    return 'python3-fonttools is not installed';
  }
  const absent = OFFICE_FONTS.filter((f) => !existsSync(f.source)).map((f) => f.source);
  return absent.length > 0 ? `missing ${absent.join(', ')} (fonts-noto-cjk, fonts-arphic-ukai)` : null;
}

/**
 * Makes the four faces in `dir`, holding the characters of `text`, and a fontconfig file that adds
 * them to the system's fonts; returns Chromium's environment with it.
 */
export function officeFontsEnv(dir: string, text: string): NodeJS.ProcessEnv {
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const textFile = join(dir, 'text.txt');
  writeFileSync(textFile, [...new Set(text)].join(''));
  const script = join(dir, 'rename.py');
  writeFileSync(script, RENAME);
  for (const [index, font] of OFFICE_FONTS.entries())
    execFileSync('/usr/bin/python3', [
      script,
      font.source,
      font.member,
      font.family,
      font.postscript,
      textFile,
      join(dir, `office-${String(index)}.ttf`),
    ]);
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${dir}</dir>` +
      `<cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}
