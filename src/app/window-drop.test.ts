import { describe, expect, it } from 'vitest';
import { pathOf, walkEntry } from './window-drop';

/** A folder tree as File and Directory Entries, the shape a browser hands a drop handler. */
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop() ?? '';
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File([fullPath], name)) } as unknown as FileSystemFileEntry;
}
function dirEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop() ?? '',
    fullPath,
    createReader: () => {
      // Handed out in batches of two, then an empty batch, like readEntries' paging.
      let at = 0;
      return { readEntries: (ok: (batch: FileSystemEntry[]) => void) => ok(children.slice(at, (at += 2))) };
    },
  } as unknown as FileSystemDirectoryEntry;
}

describe('files of a dropped folder keep their paths', () => {
  it('reads every file, through every page of entries, with its path inside the drop (a folder\'s files before its subfolders, as ls -R)', async () => {
    const tree = dirEntry('/ca-tests', [
      dirEntry('/ca-tests/expired', [fileEntry('/ca-tests/expired/end.crt'), fileEntry('/ca-tests/expired/int.crt')]),
      dirEntry('/ca-tests/good', [fileEntry('/ca-tests/good/end.crt')]),
      fileEntry('/ca-tests/README'),
    ]);
    const out: File[] = [];
    await walkEntry(tree, (files) => out.push(...files));
    expect(out.map(pathOf)).toEqual(['ca-tests/README', 'ca-tests/expired/end.crt', 'ca-tests/expired/int.crt', 'ca-tests/good/end.crt']);
  });

  it('hands files on in order, 4, then 8, then 16 at a time, and skips a file the browser will not give', async () => {
    const refused = { ...fileEntry('/f/gone.pem'), file: (_ok: unknown, fail: (e: Error) => void) => fail(new Error('NotFoundError')) } as unknown as FileSystemFileEntry;
    const names = Array.from({ length: 130 }, (_, i) => `f/${String(i).padStart(3, '0')}.pem`);
    const children = names.map((n) => fileEntry(`/${n}`));
    children.splice(5, 0, refused);
    const batches: string[][] = [];
    await walkEntry(dirEntry('/f', children), (files) => batches.push(files.map(pathOf)));
    // Entries 0–3, 4–11 (one of them refused), then 16 at a time: 131 entries in all.
    expect(batches.map((b) => b.length)).toEqual([4, 7, 16, 16, 16, 16, 16, 16, 16, 7]);
    expect(batches.flat()).toEqual(names);
  });

  const rows: [File, string, string][] = [
    [new File(['x'], 'leaf.pem'), 'leaf.pem', 'a file dropped alone is known by its name'],
  ];
  it.each(rows)('pathOf(%s) = %s (%s)', (file, expected) => {
    expect(pathOf(file)).toBe(expected);
  });

  it('stops at a depth of 16 folders', async () => {
    let deep: FileSystemEntry = fileEntry(`/${'d/'.repeat(20)}leaf.pem`);
    for (let i = 20; i > 0; i--) deep = dirEntry(`/${'d/'.repeat(i - 1)}d`, [deep]);
    const out: File[] = [];
    await walkEntry(deep, (files) => out.push(...files));
    expect(out).toEqual([]);
  });
});
