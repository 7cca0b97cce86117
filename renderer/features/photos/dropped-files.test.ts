import { describe, expect, it } from 'vitest';
import {
  collectDrop,
  collectEntries,
  type DirectoryEntryLike,
  type EntryLike,
  type FileEntryLike,
  isSystemFile,
  itemsOfFiles,
} from './dropped-files';

const file = (path: string, options: { unreadable?: boolean } = {}): FileEntryLike => {
  const name = path.split('/').pop() ?? path;
  return {
    name,
    fullPath: `/${path}`,
    isFile: true,
    isDirectory: false,
    file: (success, failure) => {
      if (options.unreadable)
        failure?.(new DOMException('A requested file could not be read', 'NotReadableError'));
      else success(new File([Uint8Array.of(0xff, 0xd8)], name, { type: 'image/jpeg' }));
    },
  };
};

/** A folder that answers readEntries in chunks, as Chromium does (100 at a time), then with []. */
const folder = (
  path: string,
  children: EntryLike[],
  options: { chunk?: number; unreadable?: boolean } = {},
): DirectoryEntryLike => ({
  name: path.split('/').pop() ?? path,
  fullPath: `/${path}`,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0;
    const chunk = options.chunk ?? 100;
    return {
      readEntries: (success, failure) => {
        if (options.unreadable) {
          failure?.(new DOMException('denied', 'SecurityError'));
          return;
        }
        const next = children.slice(at, at + chunk);
        at += chunk;
        setTimeout(() => success(next), 0);
      },
    };
  },
});

describe('collectEntries', () => {
  it('walks nested folders depth first, in name order, naming files by their path', async () => {
    const dropped = [
      folder('现场', [
        file('现场/IMG_10.jpg'),
        folder('现场/3月', [file('现场/3月/b.jpg'), file('现场/3月/a.jpg')]),
        file('现场/IMG_2.jpg'),
      ]),
      file('loose.png'),
    ];
    const { items, failures } = await collectEntries(dropped);
    expect(failures).toEqual([]);
    expect(items.map((i) => i.label)).toEqual([
      '现场/3月/a.jpg',
      '现场/3月/b.jpg',
      '现场/IMG_2.jpg',
      '现场/IMG_10.jpg',
      'loose.png',
    ]);
    expect(items.map((i) => i.file.name)).toEqual(['a.jpg', 'b.jpg', 'IMG_2.jpg', 'IMG_10.jpg', 'loose.png']);
    expect(items[0]?.file).toBeInstanceOf(File);
  });

  it('reads a large folder to the end, chunk after chunk', async () => {
    const many = Array.from({ length: 250 }, (_, i) => file(`DCIM/IMG_${String(i).padStart(4, '0')}.jpg`));
    const { items } = await collectEntries([folder('DCIM', many, { chunk: 100 })]);
    expect(items).toHaveLength(250);
    expect(items.at(-1)?.label).toBe('DCIM/IMG_0249.jpg');
  });

  it('skips system files inside folders but not a file dropped on its own', async () => {
    const { items } = await collectEntries([
      folder('card', [
        file('card/.DS_Store'),
        file('card/Thumbs.db'),
        file('card/desktop.ini'),
        file('card/x.jpg'),
      ]),
      file('.hidden.jpg'),
    ]);
    expect(items.map((i) => i.label)).toEqual(['card/x.jpg', '.hidden.jpg']);
  });

  it('reports what cannot be read, by path, and goes on', async () => {
    const { items, failures } = await collectEntries([
      folder('a', [file('a/gone.jpg', { unreadable: true }), file('a/ok.jpg')]),
      folder('locked', [file('locked/x.jpg')], { unreadable: true }),
    ]);
    expect(items.map((i) => i.label)).toEqual(['a/ok.jpg']);
    expect(failures.map((f) => [f.label, f.kind])).toEqual([
      ['a/gone.jpg', 'unreadable'],
      ['locked', 'unreadable'],
    ]);
    expect(failures[0]?.detail).toContain('NotReadableError');
  });
});

describe('picked and pasted files', () => {
  it('names picked files by their path in a picked folder, skipping system files there', () => {
    const inFolder = (path: string) => {
      const f = new File([Uint8Array.of(1)], path.split('/').pop() ?? path);
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      return f;
    };
    const items = itemsOfFiles([
      inFolder('现场/IMG_1.jpg'),
      inFolder('现场/.DS_Store'),
      new File([Uint8Array.of(1)], 'image.png'),
    ]);
    expect(items.map((i) => i.label)).toEqual(['现场/IMG_1.jpg', 'image.png']);
  });

  it('joins walked folders and plain files of one drop', async () => {
    const { items } = await collectDrop({
      entries: [folder('f', [file('f/1.jpg')])],
      files: [new File([Uint8Array.of(1)], 'plain.jpg')],
    });
    expect(items.map((i) => i.label)).toEqual(['f/1.jpg', 'plain.jpg']);
  });

  it('knows system files', () => {
    expect(['.DS_Store', 'Thumbs.db', 'THUMBS.DB', 'desktop.ini', '._IMG_1.jpg'].every(isSystemFile)).toBe(
      true,
    );
    expect(['IMG_1.jpg', 'thumbs.jpg'].some(isSystemFile)).toBe(false);
  });
});
