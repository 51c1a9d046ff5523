#include "json_body.hpp"

#include "sk/core/encoding.hpp"
#include "sk/core/utf8.hpp"

namespace sk::backend {

std::optional<JsonBody> JsonBody::parse(std::string_view text,
                                        std::initializer_list<std::string_view> allowed) {
  // The parser rejects ill-formed UTF-8 (and lone surrogate escapes) itself, so the body is
  // not scanned twice.
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (auto a : allowed) known = known || key == a;
    if (!known) return std::nullopt;
  }
  return JsonBody(std::move(j));
}

const nlohmann::json* JsonBody::member(std::string_view key, bool required) {
  auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) {
    if (required) ok_ = false;
    return nullptr;
  }
  return &*it;
}

std::string JsonBody::string(std::string_view key, std::size_t max_chars) {
  auto v = optional_string(key, max_chars);
  if (!v) ok_ = false;
  return v.value_or("");
}

std::optional<std::string> JsonBody::optional_string(std::string_view key, std::size_t max_chars) {
  const auto* m = member(key, false);
  if (m == nullptr) return std::nullopt;
  if (!m->is_string()) {
    ok_ = false;
    return std::nullopt;
  }
  const auto& s = m->get_ref<const std::string&>();
  if (s.empty() || s.size() > max_chars || !is_valid_utf8(s)) {
    ok_ = false;
    return std::nullopt;
  }
  return s;
}

Bytes JsonBody::base64(std::string_view key, std::size_t min_bytes, std::size_t max_bytes) {
  const auto* m = member(key, true);
  if (m == nullptr) return {};
  if (!m->is_string()) {
    ok_ = false;
    return {};
  }
  const auto& s = m->get_ref<const std::string&>();
  // Reject before decoding: 4 base64 characters carry 3 bytes.
  if (s.size() > (max_bytes / 3 + 1) * 4) {
    ok_ = false;
    too_large_ = true;
    return {};
  }
  auto bytes = base64url_decode(s);
  if (!bytes || bytes->size() < min_bytes) {
    ok_ = false;
    return {};
  }
  if (bytes->size() > max_bytes) {
    ok_ = false;
    too_large_ = true;
    return {};
  }
  return std::move(*bytes);
}

Bytes JsonBody::optional_base64(std::string_view key, std::size_t min_bytes, std::size_t max_bytes) {
  if (member(key, false) == nullptr) return {};
  return base64(key, min_bytes, max_bytes);
}

std::int64_t JsonBody::integer(std::string_view key, std::int64_t min, std::int64_t max,
                               std::optional<std::int64_t> fallback) {
  const auto* m = member(key, !fallback.has_value());
  if (m == nullptr) return fallback.value_or(0);
  if (!m->is_number_integer()) {
    ok_ = false;
    return 0;
  }
  const auto v = m->get<std::int64_t>();
  if (v < min || v > max) {
    ok_ = false;
    return 0;
  }
  return v;
}

bool JsonBody::boolean(std::string_view key) {
  const auto* m = member(key, true);
  if (m == nullptr) return false;
  if (!m->is_boolean()) {
    ok_ = false;
    return false;
  }
  return m->get<bool>();
}

}  // namespace sk::backend
