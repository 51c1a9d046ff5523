// Decrypted events: decoding never throws or crashes, and a decoded event's canonical encoding
// decodes to an event that encodes to the very same bytes.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>

#include "fuzz_target.hpp"
#include "sk/model/codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto event = sk::model::decode_event(json);
  if (!event) return 0;
  const auto encoded = sk::model::encode_event(*event);
  SK_FUZZ_CHECK(encoded.ok());
  const auto again = sk::model::decode_event(*encoded);
  SK_FUZZ_CHECK(again.ok());
  const auto encoded_again = sk::model::encode_event(*again);
  SK_FUZZ_CHECK(encoded_again.ok() && *encoded_again == *encoded);
  return 0;
}

// Every event of the model's golden fold cases.
std::vector<sk::Bytes> sk_fuzz_seeds() {
  std::vector<sk::Bytes> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(SK_SOURCE_DIR "/tests/vectors/model")) {
    std::ifstream in(entry.path());
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("events")) continue;
    for (const auto& e : doc["events"]) {
      if (!e.contains("event")) continue;
      const auto text = e["event"].dump();
      seeds.emplace_back(text.begin(), text.end());
    }
  }
  SK_FUZZ_CHECK(!seeds.empty());
  return seeds;
}
