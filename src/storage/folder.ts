/** Backups in a folder on this machine: files created 0600 and exclusively, the folder 0700. */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { MigrateActionsError } from '../errors.js';
import type { BackupStore, ObjectWriter, StoredObject } from './types.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export class FolderStore implements BackupStore {
  readonly kind = 'folder' as const;

  constructor(readonly location: string) {}

  locate(name: string): string {
    return path.join(this.location, name);
  }

  async check(): Promise<void> {
    // Writability shows on the first byte (E_BACKUP_WRITE names it), as on a full disk.
    try {
      fs.mkdirSync(this.location, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new MigrateActionsError(
        'E_BACKUP_WRITE',
        `The backup folder ${this.location} cannot be created: ${(error as Error).message}.`,
        {
          remedy: 'Choose a writable output-dir, or fix its permissions.',
          where: { file: this.location },
        },
      );
    }
  }

  async createWriter(name: string): Promise<ObjectWriter> {
    const file = this.locate(name);
    const stream = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    stream.on('error', () => undefined); // reported through the pipeline
    return {
      stream,
      complete: async () => undefined,
      abort: async () => fs.rmSync(file, { force: true }),
    };
  }

  async openReader(name: string): Promise<Readable> {
    return fs.createReadStream(this.locate(name));
  }

  async stat(name: string): Promise<StoredObject | undefined> {
    const s = fs.statSync(this.locate(name), { throwIfNoEntry: false });
    return s ? { name, sizeBytes: s.size, modified: s.mtime } : undefined;
  }

  async list(): Promise<StoredObject[]> {
    if (!fs.existsSync(this.location)) return [];
    return fs.readdirSync(this.location).map((name) => {
      const s = fs.statSync(this.locate(name));
      return { name, sizeBytes: s.size, modified: s.mtime };
    });
  }

  async remove(name: string): Promise<void> {
    fs.rmSync(this.locate(name), { recursive: true, force: true });
  }

  async writeText(name: string, text: string): Promise<void> {
    writeFileAtomic(this.locate(name), text);
  }

  async readText(name: string): Promise<string | undefined> {
    try {
      return fs.readFileSync(this.locate(name), 'utf8');
    } catch {
      return undefined;
    }
  }

  close(): void {}

  async sweep(): Promise<number> {
    return 0; // a killed writer's partial file has no manifest: retention and restore ignore it
  }
}
