// Who appears in the sample campaign. All names are invented (the speeches' officials are not used):
// the supervision office's inspectors, the leaders who answer for projects (包抓领导), and a seeded
// name generator for department heads and the builders' site representatives.
import type { Rng } from './random';

/** The supervision office (督查室) and its inspectors; the first two lead the two teams. */
export const INSPECTORS: readonly { key: string; name: string; title: string }[] = [
  { key: 'zhou', name: '周立群', title: '督查室主任' },
  { key: 'he', name: '何建明', title: '督查室副主任' },
  { key: 'li', name: '李晓燕', title: '督查专员' },
  { key: 'wang', name: '王海涛', title: '督查专员' },
  { key: 'yang', name: '杨帆', title: '督查员' },
  { key: 'chen', name: '陈静', title: '督查员' },
  { key: 'liu', name: '刘国华', title: '督查员' },
  { key: 'zhao', name: '赵文斌', title: '督查员' },
];

/** Leaders per place (city or county): they are the 包抓领导 of the projects there. */
export const LEADERS: readonly { key: string; placeKey: string; name: string; title: string }[] = [
  { key: 'puer-vm', placeKey: 'puer', name: '罗文华', title: '普洱市副市长' },
  { key: 'simao-vd', placeKey: 'simao', name: '李春明', title: '思茅区副区长' },
  { key: 'ninger-vc', placeKey: 'ninger', name: '张永平', title: '宁洱县副县长' },
  { key: 'jinggu-vc', placeKey: 'jinggu', name: '刀志强', title: '景谷县副县长' },
  { key: 'dongchuan-vd', placeKey: 'dongchuan', name: '马建新', title: '东川区副区长' },
  { key: 'fengfeng-ed', placeKey: 'fengfeng', name: '高志刚', title: '峰峰矿区常务副区长' },
  { key: 'fengfeng-vd', placeKey: 'fengfeng', name: '贾立军', title: '峰峰矿区副区长' },
  { key: 'pds-vm', placeKey: 'pingdingshan', name: '孙振华', title: '平顶山市副市长' },
  { key: 'xinhua-vd', placeKey: 'xinhua', name: '王立新', title: '新华区副区长' },
  { key: 'weidong-vd', placeKey: 'weidong', name: '宋玉梅', title: '卫东区副区长' },
  { key: 'zhanhe-vd', placeKey: 'zhanhe', name: '郭宏伟', title: '湛河区副区长' },
  { key: 'yexian-vc', placeKey: 'yexian', name: '韩晓东', title: '叶县副县长' },
];

// Array.from splits by code point; all these characters are in the BMP, one code unit each.
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔汤',
);
const GIVEN = Array.from(
  '建国华明军平志伟强磊洋勇艳杰娟涛超秀英霞敏静丽春海波宁红玉兰芳婷斌鹏飞宇浩凯刚辉亮林峰文光荣德新庆东晓丹慧琳',
);

/** A plausible two- or three-character name not yet in `taken` (which it then joins). */
export function personName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const surname = rng.pick(SURNAMES);
    const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
    const name = surname + given;
    // After many collisions (only at very large scales) accept a duplicate rather than loop forever.
    if (!taken.has(name) || attempt > 50) {
      taken.add(name);
      return name;
    }
  }
}

/** An office telephone number in the place's area code. */
export function officePhone(rng: Rng, areaCode: string): string {
  return `${areaCode}-${String(rng.int(2, 8))}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

/** A mobile number (invented; 1xx prefixes in common use). */
export function mobilePhone(rng: Rng): string {
  return `1${rng.pick(['38', '39', '37', '58', '59', '87', '88', '35', '36', '51'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}
