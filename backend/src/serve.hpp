#pragma once
// `spillkontakt-backend serve`: wires storage, writer, long-poll hub and HTTP server together on
// one io_context and runs until SIGTERM/SIGINT, then shuts down gracefully (docs/backend.md).

#include "config.hpp"

namespace sk::backend {

// Returns the process exit code: 0 after a graceful shutdown.
int serve(const ServeConfig& config);

}  // namespace sk::backend
