#include "json_body.hpp"

#include <simdjson.h>

#include <algorithm>
#include <vector>

#include "sk/core/encoding.hpp"
#include "sk/core/utf8.hpp"

namespace sk::backend {

namespace {

// A parser allocates buffers in proportion to the largest document it has parsed; keeping one
// per thread between requests saves those allocations on every request. One grown by a large
// body is dropped rather than kept.
constexpr std::size_t kKeptParserCapacity = 128 * 1024;

thread_local std::unique_ptr<simdjson::dom::parser> idle_parser;

std::unique_ptr<simdjson::dom::parser> take_parser() {
  if (idle_parser) return std::move(idle_parser);
  return std::make_unique<simdjson::dom::parser>();
}

void give_back(std::unique_ptr<simdjson::dom::parser> p) {
  if (!idle_parser && p->capacity() <= kKeptParserCapacity) idle_parser = std::move(p);
}

}  // namespace

struct JsonBody::Document {
  Document() : parser(take_parser()) {}
  ~Document() { give_back(std::move(parser)); }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  std::unique_ptr<simdjson::dom::parser> parser;  // owns the parsed values
  simdjson::dom::object object;

  // The member's value; nullopt when absent or null.
  std::optional<simdjson::dom::element> member(std::string_view key) const {
    simdjson::dom::element e;
    if (object.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) return std::nullopt;
    return e;
  }
};

JsonBody::JsonBody(std::unique_ptr<Document> d) : doc_(std::move(d)) {}
JsonBody::~JsonBody() = default;
JsonBody::JsonBody(JsonBody&&) noexcept = default;
JsonBody& JsonBody::operator=(JsonBody&&) noexcept = default;

std::optional<JsonBody> JsonBody::parse(std::string_view text,
                                        std::initializer_list<std::string_view> allowed) {
  auto doc = std::make_unique<Document>();
  simdjson::dom::element root;
  // realloc_if_needed: the text is copied into a padded buffer (simdjson reads past the end).
  if (doc->parser->parse(text.data(), text.size(), /*realloc_if_needed=*/true).get(root) !=
          simdjson::SUCCESS ||
      root.get_object().get(doc->object) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  std::vector<bool> seen(allowed.size(), false);
  for (const auto field : doc->object) {
    std::size_t i = 0;
    for (auto a : allowed) {
      if (a == field.key) break;
      ++i;
    }
    if (i == allowed.size() || seen[i]) return std::nullopt;  // unknown or repeated
    seen[i] = true;
  }
  return JsonBody(std::move(doc));
}

std::string JsonBody::string(std::string_view key, std::size_t max_chars) {
  auto v = optional_string(key, max_chars);
  if (!v) ok_ = false;
  return v.value_or("");
}

std::optional<std::string> JsonBody::optional_string(std::string_view key, std::size_t max_chars) {
  const auto m = doc_->member(key);
  if (!m) return std::nullopt;
  std::string_view s;
  // simdjson validated the document's UTF-8; the check stays for what \u escapes decode to.
  if (m->get_string().get(s) != simdjson::SUCCESS || s.empty() || s.size() > max_chars || !is_valid_utf8(s)) {
    ok_ = false;
    return std::nullopt;
  }
  return std::string(s);
}

Bytes JsonBody::base64(std::string_view key, std::size_t min_bytes, std::size_t max_bytes) {
  const auto m = doc_->member(key);
  std::string_view s;
  if (!m || m->get_string().get(s) != simdjson::SUCCESS) {
    ok_ = false;
    return {};
  }
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
  if (!doc_->member(key)) return {};
  return base64(key, min_bytes, max_bytes);
}

std::int64_t JsonBody::integer(std::string_view key, std::int64_t min, std::int64_t max,
                               std::optional<std::int64_t> fallback) {
  const auto m = doc_->member(key);
  if (!m) {
    if (!fallback) ok_ = false;
    return fallback.value_or(0);
  }
  std::int64_t v = 0;
  if (m->get_int64().get(v) != simdjson::SUCCESS || v < min || v > max) {
    ok_ = false;
    return 0;
  }
  return v;
}

bool JsonBody::boolean(std::string_view key) {
  const auto m = doc_->member(key);
  bool v = false;
  if (!m || m->get_bool().get(v) != simdjson::SUCCESS) {
    ok_ = false;
    return false;
  }
  return v;
}

std::vector<JsonBody::Record> JsonBody::records(std::string_view key,
                                                std::initializer_list<std::string_view> fields,
                                                std::size_t max_entries) {
  constexpr std::size_t kMaxName = 64;
  std::vector<Record> out;
  const auto m = doc_->member(key);
  simdjson::dom::object outer;
  if (!m || m->get_object().get(outer) != simdjson::SUCCESS) {
    ok_ = false;
    return {};
  }
  for (const auto entry : outer) {
    simdjson::dom::object inner;
    if (out.size() == max_entries || entry.key.empty() || entry.key.size() > kMaxName ||
        entry.value.get_object().get(inner) != simdjson::SUCCESS) {
      ok_ = false;
      return {};
    }
    Record r{std::string(entry.key), std::vector<std::int64_t>(fields.size(), 0)};
    std::vector<bool> seen(fields.size(), false);
    for (const auto field : inner) {
      std::size_t i = 0;
      for (auto f : fields) {
        if (f == field.key) break;
        ++i;
      }
      std::int64_t v = 0;
      if (i == fields.size() || seen[i] || field.value.get_int64().get(v) != simdjson::SUCCESS || v < 0) {
        ok_ = false;
        return {};
      }
      seen[i] = true;
      r.values[i] = v;
    }
    out.push_back(std::move(r));
  }
  // A name given twice would leave the later cursor unused: refused like a repeated member.
  std::vector<std::string_view> names;
  names.reserve(out.size());
  for (const auto& r : out) names.push_back(r.name);
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) != names.end()) {
    ok_ = false;
    return {};
  }
  return out;
}

}  // namespace sk::backend
