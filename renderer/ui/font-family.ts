// The UI's font stack: the system's own fonts first (Latin, then the CJK fonts of Windows, macOS and
// Linux), and last the Noto Sans SC the app ships (renderer/public/fonts, served by the host, never
// from the network). Its @font-face rules carry unicode-range chunks, so a chunk is fetched only for
// characters no system font before it has: a laptop without CJK fonts shows Chinese, not boxes.
export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  'Roboto',
  "'Helvetica Neue'",
  'Arial',
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  "'Apple Color Emoji'",
  "'Segoe UI Emoji'",
  "'Noto Color Emoji'",
  "'Noto Sans SC'",
].join(', ');
