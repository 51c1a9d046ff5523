#pragma once
// Private helpers: the boundary where SQLiteCpp exceptions become Result errors.

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <exception>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::store::detail {

inline std::string code_for(int sqlite_code) {
  switch (sqlite_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "store.busy";
    case SQLITE_READONLY:
      return "store.read_only";
    case SQLITE_CONSTRAINT:
      return "store.constraint";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "store.corrupt";
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
      return "store.io";
    default:
      return "store.sqlite";
  }
}

// Runs `body` (which returns a Result) and turns any exception into an error naming `operation`.
// SQLite's messages name tables and constraints, never bound values, so they are safe to keep.
template <class F>
auto guarded(std::string_view operation, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return fail(code_for(e.getErrorCode()), std::string(operation) + ": " + e.what());
  } catch (const std::exception& e) {
    return fail("store.sqlite", std::string(operation) + ": " + e.what());
  }
}

// Leaves a shared prepared statement reusable however the scope ends. Bindings are not cleared:
// every caller binds all parameters before each step, and bind() copies its values.
class Rewind {
 public:
  explicit Rewind(SQLite::Statement& statement) : statement_(statement) {}
  Rewind(const Rewind&) = delete;
  Rewind& operator=(const Rewind&) = delete;
  ~Rewind() { statement_.tryReset(); }

 private:
  SQLite::Statement& statement_;
};

}  // namespace sk::store::detail
