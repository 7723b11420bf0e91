import { useLayoutEffect, useState } from 'react';

/** Where each file of a dropped folder sat in it ("certs/leaf/end.crt"); a dropped File only knows its own name. */
const droppedPaths = new WeakMap<File, string>();

/**
 * The name a person recognises a file by: its path inside a dropped or chosen folder when there
 * was one (76 files all called end.crt stay apart), else its name.
 */
export function pathOf(file: File): string {
  return droppedPaths.get(file) ?? (file.webkitRelativePath || file.name);
}

/** Reads every file of a dropped folder (recursively) through the File and Directory Entries API. */
export async function filesOfEntry(entry: FileSystemEntry, out: File[], depth = 0): Promise<void> {
  if (depth > 16) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // fullPath is "/folder/sub/name" inside the drop.
    const path = entry.fullPath.replace(/^\/+/u, '');
    if (path && path !== file.name) droppedPaths.set(file, path);
    out.push(file);
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call: read until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await filesOfEntry(child, out, depth + 1);
    }
  }
}

/** Collects files from a drop, including folders. Must be called synchronously in the drop handler. */
function collectDrop(dt: DataTransfer): Promise<File[]> {
  const direct: File[] = [];
  const directories: FileSystemEntry[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory) {
      directories.push(entry);
      continue;
    }
    const file = item.getAsFile();
    if (file) direct.push(file);
  }
  if (dt.items.length === 0) direct.push(...Array.from(dt.files));
  return (async () => {
    const out = [...direct];
    for (const d of directories) await filesOfEntry(d, out);
    return out;
  })();
}

/** The whole window is a drop zone; returns whether files are being dragged over it. */
export function useWindowDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  // A layout effect: attached before the first paint, so a file dropped the moment the page shows
  // is read instead of the browser navigating away to it.
  useLayoutEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer) return;
      e.preventDefault();
      collectDrop(e.dataTransfer).then(
        (files) => {
          if (files.length > 0) onFiles(files);
        },
        () => undefined,
      );
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);
  return dragging;
}
