/**
 * A file is replaced whole or not at all: written beside itself under a temporary name, then
 * renamed over it (rename within a folder is atomic), so a reader never sees half of it.
 */
import fs from 'node:fs';

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o600: these files may describe a database). */
  mode?: number;
  /** The temporary name; `<file>.partial` by default, which a cleanup can find after a crash. */
  temporary?: string;
  /** fsync before the rename, for files that must survive a power loss once renamed. */
  sync?: boolean;
}

export function writeFileAtomic(file: string, data: string | Buffer, options: AtomicWriteOptions = {}): void {
  const temporary = options.temporary ?? `${file}.partial`;
  try {
    const fd = fs.openSync(temporary, 'w', options.mode ?? 0o600);
    try {
      fs.writeFileSync(fd, data);
      if (options.sync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
