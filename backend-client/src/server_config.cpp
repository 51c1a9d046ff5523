#include "sk/client/server_config.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <memory>

namespace sk::client {

namespace {

// "localhost", an IPv4 address in 127.0.0.0/8, or ::1. A name such as "127.example.org" is not.
bool is_loopback(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr v4{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24U) == 127U;
}

}  // namespace

Result<void> validate(const ServerConfig& config) {
  // libcurl's own URL parser, so the host we check is the host libcurl will connect to.
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, config.base_url.c_str(), 0) != CURLUE_OK)
    return fail("client.bad_url", "the server address is not a URL");
  auto part = [&](CURLUPart which) -> std::string {
    char* text = nullptr;
    if (curl_url_get(url.get(), which, &text, 0) != CURLUE_OK || !text) return {};
    std::string out(text);
    curl_free(text);
    return out;
  };
  const auto scheme = part(CURLUPART_SCHEME);
  const auto host = part(CURLUPART_HOST);
  const auto path = part(CURLUPART_PATH);
  if (scheme != "https" && scheme != "http")
    return fail("client.bad_url", "the server address must start with https://");
  if (host.empty()) return fail("client.bad_url", "the server address has no host");
  if (!path.empty() && path != "/") return fail("client.bad_url", "the server address must not have a path");
  if (config.base_url.ends_with('/'))
    return fail("client.bad_url", "the server address must not end with '/'");
  if (scheme == "http" && !is_loopback(host))
    return fail("client.bad_url", "plain http:// is only allowed to this computer (loopback); use https://");
  return {};
}

}  // namespace sk::client
