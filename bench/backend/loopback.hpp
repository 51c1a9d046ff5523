#pragma once
// Loopback helpers shared by the targets.

#include <string>

#include "asio.hpp"

namespace sk::bench {

// A port that is free on 127.0.0.1 right now (bound to port 0, then released).
unsigned short free_loopback_port(asio::io_context& io);

// Retries GET `path` until the server answers 200 or `timeout` passes; false on timeout.
asio::awaitable<bool> wait_until_ready(asio::io_context& io, tcp::endpoint endpoint, std::string path,
                                       Clock::duration timeout);

// `text` with every `from` replaced by `to`: fills the config templates' @NAME@ placeholders.
std::string replace_all(std::string text, const std::string& from, const std::string& to);

}  // namespace sk::bench
