#include "wal_write_buffer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

namespace sk::backend {

namespace {

constexpr char kVfsName[] = "sk-wal-buffer";
// A transaction larger than this (a cache spill, a huge enrollment burst) is passed down in
// pieces of about this size.
constexpr std::size_t kMaxGathered = 4 * 1024 * 1024;
// The unix VFS writes at most 128 KiB - 1 bytes per call (it masks the length with 0x1ffff,
// and reports a short write as a full disk), so larger gatherings go down in pieces.
constexpr std::size_t kMaxPassDown = 96 * 1024;
constexpr sqlite3_int64 kWalHeaderBytes = 32;
constexpr int kFrameHeaderBytes = 24;

std::atomic<std::uint64_t> writes_made{0};
std::atomic<std::uint64_t> writes_passed_down{0};

sqlite3_vfs* real_vfs = nullptr;

struct State;

// What SQLite allocates for an open file of this VFS (szOsFile bytes): our header, then the
// default VFS's own file object.
struct File {
  sqlite3_file base;   // first: SQLite sees this
  sqlite3_file* real;  // the default VFS's file, in the same allocation
  State* state;
};

struct State {
  bool is_wal = false;
  File* database = nullptr;           // a WAL file: the database it belongs to
  File* wal = nullptr;                // a database file: its open WAL, if any
  std::string gathered;               // WAL only: bytes not yet passed down...
  sqlite3_int64 gathered_at = 0;      // ...and where in the file they go
  bool commit_frame_started = false;  // the last write was the header of a commit frame
  int deferred_error = SQLITE_OK;     // a flush failed where SQLite could not be told
};

const sqlite3_io_methods* real_methods(File* f) {
  return f->real->pMethods;
}

int pass_down(File* f, const void* data, int bytes, sqlite3_int64 offset) {
  writes_passed_down.fetch_add(1, std::memory_order_relaxed);
  return real_methods(f)->xWrite(f->real, data, bytes, offset);
}

// Passes the gathered bytes of a WAL file down. On failure they are dropped (as if the write
// had failed when SQLite made it) and the error returned.
int flush(File* f) {
  State& s = *f->state;
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < s.gathered.size() && rc == SQLITE_OK; done += kMaxPassDown) {
    const auto n = std::min(kMaxPassDown, s.gathered.size() - done);
    rc = pass_down(f, s.gathered.data() + done, static_cast<int>(n),
                   s.gathered_at + static_cast<sqlite3_int64>(done));
  }
  s.gathered.clear();
  return rc;
}

// Where the caller cannot report an error (xShmBarrier), the next call on the WAL reports it.
void flush_wal_of(File* database) {
  File* wal = database->state->wal;
  if (wal == nullptr) return;
  const int rc = flush(wal);
  if (rc != SQLITE_OK) wal->state->deferred_error = rc;
}

int take_deferred(State& s) {
  const int rc = s.deferred_error;
  s.deferred_error = SQLITE_OK;
  return rc;
}

bool is_commit_frame_header(const void* data, int bytes, sqlite3_int64 offset) {
  if (bytes != kFrameHeaderBytes || offset < kWalHeaderBytes) return false;
  const auto* p = static_cast<const unsigned char*>(data);
  return (p[4] | p[5] | p[6] | p[7]) != 0;  // bytes 4-7: the database size, set on commit frames only
}

int wal_write(File* f, const void* data, int bytes, sqlite3_int64 offset) {
  State& s = *f->state;
  writes_made.fetch_add(1, std::memory_order_relaxed);
  if (const int rc = take_deferred(s); rc != SQLITE_OK) return rc;
  const auto n = static_cast<std::size_t>(bytes);
  const bool continues = !s.gathered.empty() &&
                         offset == s.gathered_at + static_cast<sqlite3_int64>(s.gathered.size()) &&
                         s.gathered.size() + n <= kMaxGathered;
  if (!continues) {
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
    if (n > kMaxPassDown) return pass_down(f, data, bytes, offset);  // SQLite's own size, then
    s.gathered_at = offset;
  }
  s.gathered.append(static_cast<const char*>(data), n);
  if (s.commit_frame_started) {
    // The commit frame's page: the commit is complete in the log once this is passed down.
    s.commit_frame_started = false;
    return flush(f);
  }
  s.commit_frame_started = is_commit_frame_header(data, bytes, offset);
  return SQLITE_OK;
}

// --- sqlite3_io_methods

File* as_file(sqlite3_file* f) {
  return reinterpret_cast<File*>(f);
}

int x_close(sqlite3_file* file) {
  File* f = as_file(file);
  State* s = f->state;
  int rc = s->is_wal ? flush(f) : SQLITE_OK;
  if (s->is_wal && s->database != nullptr && s->database->state->wal == f) s->database->state->wal = nullptr;
  if (!s->is_wal && s->wal != nullptr) s->wal->state->database = nullptr;
  const int close_rc = real_methods(f)->xClose(f->real);
  delete s;
  f->state = nullptr;
  return rc != SQLITE_OK ? rc : close_rc;
}

// Flushes a WAL's gathered bytes (and reports a deferred error) before `call` goes through.
template <class Call>
int after_flush(sqlite3_file* file, Call call) {
  File* f = as_file(file);
  if (f->state->is_wal) {
    if (const int rc = take_deferred(*f->state); rc != SQLITE_OK) return rc;
    if (const int rc = flush(f); rc != SQLITE_OK) return rc;
  }
  return call(f);
}

int x_read(sqlite3_file* file, void* out, int bytes, sqlite3_int64 offset) {
  return after_flush(file, [&](File* f) { return real_methods(f)->xRead(f->real, out, bytes, offset); });
}

int x_write(sqlite3_file* file, const void* data, int bytes, sqlite3_int64 offset) {
  File* f = as_file(file);
  if (f->state->is_wal) return wal_write(f, data, bytes, offset);
  return real_methods(f)->xWrite(f->real, data, bytes, offset);
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
  return after_flush(file, [&](File* f) { return real_methods(f)->xTruncate(f->real, size); });
}

int x_sync(sqlite3_file* file, int flags) {
  return after_flush(file, [&](File* f) { return real_methods(f)->xSync(f->real, flags); });
}

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return after_flush(file, [&](File* f) { return real_methods(f)->xFileSize(f->real, size); });
}

int x_file_control(sqlite3_file* file, int op, void* arg) {
  return after_flush(file, [&](File* f) { return real_methods(f)->xFileControl(f->real, op, arg); });
}

int x_lock(sqlite3_file* file, int level) {
  File* f = as_file(file);
  return real_methods(f)->xLock(f->real, level);
}

int x_unlock(sqlite3_file* file, int level) {
  File* f = as_file(file);
  return real_methods(f)->xUnlock(f->real, level);
}

int x_check_reserved_lock(sqlite3_file* file, int* out) {
  File* f = as_file(file);
  return real_methods(f)->xCheckReservedLock(f->real, out);
}

int x_sector_size(sqlite3_file* file) {
  File* f = as_file(file);
  return real_methods(f)->xSectorSize(f->real);
}

int x_device_characteristics(sqlite3_file* file) {
  File* f = as_file(file);
  return real_methods(f)->xDeviceCharacteristics(f->real);
}

// The shared-memory calls come on the database file; they are how SQLite tells other
// connections about frames, so the WAL's gathered bytes go down first.
int x_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
  File* f = as_file(file);
  return real_methods(f)->xShmMap(f->real, region, size, extend, out);
}

int x_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  File* f = as_file(file);
  if (File* wal = f->state->wal) {
    if (const int rc = flush(wal); rc != SQLITE_OK) return rc;
  }
  return real_methods(f)->xShmLock(f->real, offset, n, flags);
}

void x_shm_barrier(sqlite3_file* file) {
  File* f = as_file(file);
  flush_wal_of(f);
  real_methods(f)->xShmBarrier(f->real);
}

int x_shm_unmap(sqlite3_file* file, int delete_flag) {
  File* f = as_file(file);
  flush_wal_of(f);
  return real_methods(f)->xShmUnmap(f->real, delete_flag);
}

int x_fetch(sqlite3_file* file, sqlite3_int64 offset, int bytes, void** out) {
  File* f = as_file(file);
  return real_methods(f)->xFetch(f->real, offset, bytes, out);
}

int x_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* p) {
  File* f = as_file(file);
  return real_methods(f)->xUnfetch(f->real, offset, p);
}

const sqlite3_io_methods kMethods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved_lock,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

// --- sqlite3_vfs: opening is ours, everything else is the default VFS's.

int x_open(sqlite3_vfs* /*vfs*/, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  File* f = as_file(file);
  f->base.pMethods = nullptr;  // until the default VFS has opened it: SQLite then does not close it
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->state = nullptr;
  const int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  if (f->real->pMethods == nullptr || f->real->pMethods->iVersion < 3) {
    if (f->real->pMethods != nullptr) f->real->pMethods->xClose(f->real);
    return SQLITE_CANTOPEN;
  }
  auto* s = new (std::nothrow) State;
  if (s == nullptr) {
    f->real->pMethods->xClose(f->real);
    return SQLITE_NOMEM;
  }
  f->state = s;
  if ((flags & SQLITE_OPEN_WAL) != 0 && name != nullptr) {
    s->is_wal = true;
    // The pager opens a WAL with a name it allocated next to its database's file object.
    auto* database = reinterpret_cast<File*>(sqlite3_database_file_object(name));
    if (database != nullptr && database->base.pMethods == &kMethods) {
      s->database = database;
      database->state->wal = f;
    }
  }
  f->base.pMethods = &kMethods;
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return real_vfs->xDelete(real_vfs, name, sync_dir);
}
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return real_vfs->xAccess(real_vfs, name, flags, out);
}
int x_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return real_vfs->xFullPathname(real_vfs, name, size, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) {
  return real_vfs->xDlOpen(real_vfs, name);
}
void x_dl_error(sqlite3_vfs*, int size, char* out) {
  real_vfs->xDlError(real_vfs, size, out);
}
void (*x_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return real_vfs->xDlSym(real_vfs, handle, symbol);
}
void x_dl_close(sqlite3_vfs*, void* handle) {
  real_vfs->xDlClose(real_vfs, handle);
}
int x_randomness(sqlite3_vfs*, int size, char* out) {
  return real_vfs->xRandomness(real_vfs, size, out);
}
int x_sleep(sqlite3_vfs*, int microseconds) {
  return real_vfs->xSleep(real_vfs, microseconds);
}
int x_current_time(sqlite3_vfs*, double* out) {
  return real_vfs->xCurrentTime(real_vfs, out);
}
int x_get_last_error(sqlite3_vfs*, int size, char* out) {
  return real_vfs->xGetLastError(real_vfs, size, out);
}
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

sqlite3_vfs vfs{};

void register_vfs() {
  real_vfs = sqlite3_vfs_find(nullptr);
  if (real_vfs == nullptr || real_vfs->iVersion < 2) return;
  vfs.iVersion = 2;
  vfs.szOsFile = static_cast<int>(sizeof(File)) + real_vfs->szOsFile;
  vfs.mxPathname = real_vfs->mxPathname;
  vfs.zName = kVfsName;
  vfs.xOpen = x_open;
  vfs.xDelete = x_delete;
  vfs.xAccess = x_access;
  vfs.xFullPathname = x_full_pathname;
  vfs.xDlOpen = x_dl_open;
  vfs.xDlError = x_dl_error;
  vfs.xDlSym = x_dl_sym;
  vfs.xDlClose = x_dl_close;
  vfs.xRandomness = x_randomness;
  vfs.xSleep = x_sleep;
  vfs.xCurrentTime = x_current_time;
  vfs.xGetLastError = x_get_last_error;
  vfs.xCurrentTimeInt64 = x_current_time_int64;
  sqlite3_vfs_register(&vfs, 0);
}

}  // namespace

const char* wal_write_buffer_vfs() {
  static std::once_flag once;
  std::call_once(once, register_vfs);
  // Without a usable default VFS, SQLite's own error for an unknown VFS name reports it.
  return kVfsName;
}

WalWriteCounts wal_write_counts() {
  return {writes_made.load(std::memory_order_relaxed), writes_passed_down.load(std::memory_order_relaxed)};
}

}  // namespace sk::backend
