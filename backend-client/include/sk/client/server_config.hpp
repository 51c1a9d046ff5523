#pragma once
// Where the backend is and how to trust it, per profile.
//
// Rules:
//  - TLS peer and host verification are always on: the system trust store by default, plus an
//    optional CA file (a municipality's own CA) and an optional pinned public key.
//  - Plain http:// is accepted only for a loopback host (development, tests, the demo).
//  - The usual proxy variables (https_proxy, no_proxy, …) are honoured by libcurl.

#include <chrono>
#include <string>

#include "sk/core/result.hpp"

namespace sk::client {

struct ServerConfig {
  std::string base_url;           // "https://spillkontakt.bergen.kommune.no" or "http://127.0.0.1:8443"
  std::string ca_file;            // optional PEM bundle trusted in addition to the system store
  std::string pinned_public_key;  // optional, CURLOPT_PINNEDPUBLICKEY form: "sha256//<base64>;…"
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{30'000};  // a long-poll adds its wait on top
};

// Errors: client.bad_url (not http(s)://host[:port], or http:// to a non-loopback host).
[[nodiscard]] Result<void> validate(const ServerConfig& config);

}  // namespace sk::client
