// An embedded (PGlite) data directory that keeps what it acknowledged.
// PGlite's Node file system (emscripten NODEFS) writes straight to the host files but has no
// `fsync` operation, and PGlite starts PostgreSQL with `-F` (fsync off): a committed transaction
// sits in the operating system's cache and a power cut can lose it. Here PostgreSQL runs with
// fsync on, `wal_sync_method=fsync` (emscripten's fdatasync() is a no-op, its fsync() reaches the
// file system), and NODEFS gets an fsync that calls the host's. PostgreSQL then syncs the WAL
// before COMMIT returns, so before the HTTP response is sent, and syncs data files and
// directories at checkpoints, exactly as on a server. (PGlite's `relaxedDurability` and
// `syncToFs` concern file systems kept in memory and copied out, IndexedDB/OPFS; on NodeFS
// `syncToFs` does nothing.)
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** The parts of emscripten's module this file touches. */
interface EmscriptenModule {
  NODEFS: {
    stream_ops: Record<string, unknown> & { fsync?: (stream: { nfd?: number }) => number };
    tryFSOperation<T>(f: () => T): T;
  };
}

type InitResult = Awaited<ReturnType<NodeFS['init']>>;

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): Promise<InitResult> {
    const result = await super.init(pg, opts);
    const addFsync = (mod: EmscriptenModule) => {
      // Node errors become errno values, so a failed fsync fails PostgreSQL's fsync (it then
      // stops rather than acknowledge a write it could not keep).
      mod.NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) mod.NODEFS.tryFSOperation(() => fs.fsyncSync(stream.nfd!));
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [(mod) => addFsync(mod as unknown as EmscriptenModule), ...(result.emscriptenOpts.preRun ?? [])];
    return result;
  }
}

/** PostgreSQL's start parameters for a durable data directory: PGlite's, with fsync on. */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}
