#include "sk/core/encoding.hpp"

#include <array>

namespace sk {
namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";
constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::array<int, 256> make_base64url_table() {
  std::array<int, 256> table{};
  table.fill(-1);
  for (std::size_t i = 0; i < kBase64Url.size(); ++i) {
    table[static_cast<unsigned char>(kBase64Url[i])] = static_cast<int>(i);
  }
  return table;
}
constexpr auto kBase64UrlValue = make_base64url_table();

}  // namespace

std::string hex_encode(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto b : bytes) {
    out.push_back(kHexDigits[b >> 4U]);
    out.push_back(kHexDigits[b & 0x0FU]);
  }
  return out;
}

std::optional<Bytes> hex_decode(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  Bytes out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = hex_value(text[i]);
    const int lo = hex_value(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>((hi << 4) | lo));
  }
  return out;
}

std::string base64url_encode(ByteView bytes) {
  std::string out((bytes.size() * 4 + 2) / 3, '\0');
  auto* o = out.data();
  const auto put = [&o](std::uint32_t v, int chars) {
    for (int k = 0; k < chars; ++k) *o++ = kBase64Url[(v >> (18U - 6U * static_cast<unsigned>(k))) & 63U];
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    put((std::uint32_t{bytes[i]} << 16U) | (std::uint32_t{bytes[i + 1]} << 8U) | bytes[i + 2], 4);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) put(std::uint32_t{bytes[i]} << 16U, 2);
  if (rest == 2) put((std::uint32_t{bytes[i]} << 16U) | (std::uint32_t{bytes[i + 1]} << 8U), 3);
  return out;
}

std::optional<Bytes> base64url_decode(std::string_view text) {
  const std::size_t tail = text.size() % 4;
  if (tail == 1) return std::nullopt;
  const std::size_t quads = text.size() / 4;
  Bytes out(quads * 3 + (tail == 0 ? 0 : tail - 1));
  const auto value = [&](std::size_t i) { return kBase64UrlValue[static_cast<unsigned char>(text[i])]; };
  // Whole groups of four characters first, without a branch per character: an invalid one is
  // -1, which sets the sign bit of `invalid`; the bytes written meanwhile are thrown away.
  int invalid = 0;
  auto* o = out.data();
  for (std::size_t q = 0; q < quads; ++q) {
    const int a = value(4 * q), b = value(4 * q + 1), c = value(4 * q + 2), d = value(4 * q + 3);
    invalid |= a | b | c | d;
    const auto n = (static_cast<std::uint32_t>(a) << 18U) | (static_cast<std::uint32_t>(b) << 12U) |
                   (static_cast<std::uint32_t>(c) << 6U) | static_cast<std::uint32_t>(d);
    *o++ = static_cast<std::uint8_t>(n >> 16U);
    *o++ = static_cast<std::uint8_t>(n >> 8U);
    *o++ = static_cast<std::uint8_t>(n);
  }
  if (tail != 0) {
    const std::size_t i = quads * 4;
    const int a = value(i), b = value(i + 1), c = tail == 3 ? value(i + 2) : 0;
    invalid |= a | b | c;
    // Leftover bits must be zero: otherwise two spellings would decode to the same bytes.
    if (tail == 2 ? (b & 0x0F) != 0 : (c & 0x03) != 0) return std::nullopt;
    *o++ = static_cast<std::uint8_t>((static_cast<std::uint32_t>(a) << 2U) |
                                     (static_cast<std::uint32_t>(b) >> 4U));
    if (tail == 3) {
      *o = static_cast<std::uint8_t>((static_cast<std::uint32_t>(b) << 4U) |
                                     (static_cast<std::uint32_t>(c) >> 2U));
    }
  }
  if (invalid < 0) return std::nullopt;
  return out;
}

}  // namespace sk
