#pragma once
// A SQLite VFS, "sk-wal-buffer", that is the platform's default VFS except for one thing: the
// writes SQLite makes to a write-ahead log during one commit reach the kernel as one write.
//
// SQLite writes every WAL frame as two writes (the 24-byte frame header, then the page), so a
// group commit of a few dozen appends made about 3.5 pwrite calls per append, each copying into
// the page cache on its own and touching two pages of the file. Here the contiguous writes of a
// commit are gathered in memory and passed down together when the commit frame (the frame whose
// header carries the database size, see https://sqlite.org/fileformat2.html#walformat) is
// complete: before the commit returns, so a later fdatasync of the log covers the whole commit,
// and before the WAL index announces the frames to other connections.
//
// Anything that could observe the log flushes the gathered bytes first: a read, a size query, a
// truncation, a sync or a file control of the log, and the shared-memory lock and barrier calls
// of its database (which is where SQLite publishes new frames to readers). A write that does not
// continue the gathered bytes (a frame rewritten within one transaction, a log that starts over)
// flushes them first, so the file sees every write in SQLite's order.
//
// Only WAL files are buffered; the database file, journals and temporary files go straight
// through.

#include <cstdint>

namespace sk::backend {

// Registers the VFS (once per process, thread-safe; not as the default) and returns its name,
// for sqlite3_open_v2 or SQLite::Database's vfs argument.
const char* wal_write_buffer_vfs();

// Writes to WAL files through this VFS in this process: as SQLite made them, and as passed down
// to the default VFS.
struct WalWriteCounts {
  std::uint64_t made = 0;
  std::uint64_t passed_down = 0;
};
WalWriteCounts wal_write_counts();

}  // namespace sk::backend
