// The four faces of a 公文 (GB/T 9704-2012): 仿宋 for the body, 小标宋 for titles, 黑体 for first-level
// headings, 楷体 for second-level ones — each as offices have them installed (Windows, UOS and Kylin
// ship these names), and last the open face the app ships in its place. The PDF's style sheets list
// them in this order, so the laptop's own face wins where it has one; the Word file names the
// office's face, which WPS and Word map to what the machine has.

export type FaceRole = 'body' | 'title' | 'heading' | 'subheading';

export interface Face {
  /** The office's names for the face, most specific first (as font-family and as Word's font name). */
  readonly office: readonly string[];
  /** The open family shipped with the app (scripts/copy-fonts.mjs), used when none of those is installed. */
  readonly bundled: 'Noto Serif SC' | 'Noto Sans SC' | 'LXGW WenKai';
  /** The shipped family's weight that looks like the office's face (小标宋 is heavy; so is 黑体). */
  readonly bundledWeight: 400 | 700;
}

export const FACES: Readonly<Record<FaceRole, Face>> = {
  body: {
    office: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
    // No open FangSong with simplified characters is on npm or in Debian (cwTeX's is traditional
    // only; Zhuque Fangsong is on GitHub alone): a serif, as 公文 bodies are, stands in.
    bundled: 'Noto Serif SC',
    bundledWeight: 400,
  },
  title: {
    office: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '华文中宋', 'STZhongsong'],
    bundled: 'Noto Serif SC',
    bundledWeight: 700,
  },
  heading: {
    office: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
    bundled: 'Noto Sans SC',
    bundledWeight: 700,
  },
  subheading: {
    office: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti'],
    bundled: 'LXGW WenKai',
    bundledWeight: 400,
  },
};

/** The name Word and WPS are given for a role: the office's usual face. */
export const wordFontOf = (role: FaceRole): string => FACES[role].office[0] as string;

const quoted = (name: string) => `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A CSS font-family list: the office's faces, then the shipped one, then the generic family. */
export function fontStack(role: FaceRole): string {
  const face = FACES[role];
  const generic = face.bundled === 'Noto Sans SC' ? 'sans-serif' : 'serif';
  return [...face.office.map(quoted), quoted(face.bundled), generic].join(', ');
}
