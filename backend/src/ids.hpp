#pragma once
// Identifiers and clocks used by the backend.

#include <cstdint>
#include <string>
#include <string_view>

namespace sk::backend {

// 16 random bytes, base64url: an opaque id that reveals nothing (no counter, no time).
std::string new_id();
bool is_id(std::string_view s);
// Lower-case textual UUID (8-4-4-4-12), as made by clients for event ids.
bool is_uuid(std::string_view s);
// A one-time code's lookup id: kCodeLookupChars canonical Crockford base32 characters.
bool is_lookup(std::string_view s);
// Milliseconds since the Unix epoch.
std::int64_t now_ms();

}  // namespace sk::backend
