// How every document shows a photo: fitted whole into a frame of the given height, never cropped (a
// landscape photo stays landscape), its time and place under the caption, and a missing one as a
// marked placeholder of the frame's size. The forms and the 公文 share it; each sizes its own frames.

export function photoFrameCss(heightMm: number): string {
  const height = `${String(heightMm)}mm`;
  return `
figure { margin: 0; break-inside: avoid; }
figure .frame { height: ${height}; display: flex; align-items: center; justify-content: center;
  border: 0.5pt solid #999; background: #fff; }
figure img { display: block; max-width: 100%; max-height: 100%; width: auto; height: auto; }
figcaption .when { display: block; color: #555; }
.photo-missing { height: ${height}; border: 1pt dashed #c00; color: #c00; display: flex; align-items: center;
  justify-content: center; text-align: center; padding: 4mm; font-size: 9pt; line-height: 1.4; }
`;
}
