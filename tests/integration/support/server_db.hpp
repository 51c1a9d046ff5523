#pragma once
// The backend's data as a test that plays a malicious or broken server sees it: the stored
// envelopes of a case (readable while the server runs) and edits to them and to the device
// directory (made while it is down: Cast::restart_server's `while_down`).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sk/core/bytes.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::integration {

struct StoredEnvelope {
  std::int64_t seq = 0;
  std::string event_id;
  Bytes envelope;
};

class ServerDb {
 public:
  explicit ServerDb(std::filesystem::path data_dir) : file_(std::move(data_dir) / "spillkontakt.db") {}

  // The case's envelopes with seq > after, in order.
  std::vector<StoredEnvelope> envelopes(const std::string& case_id, std::int64_t after = 0) const;
  std::int64_t last_seq(const std::string& case_id) const;
  // The key ids the envelope is sealed to (public: the server can read them too).
  static std::vector<crypto::KeyId> recipients(const StoredEnvelope& e);
  // The key id of a device's encryption key as the server's directory shows it.
  crypto::KeyId device_key_id(const std::string& device_id) const;

  // Edits (server down):
  void set_envelope(const std::string& case_id, std::int64_t seq, const Bytes& envelope) const;
  // The directory shows another encryption key for the device, and the case's directory version
  // moves, as a server swapping keys would make it look.
  void swap_encryption_key(const std::string& case_id, const std::string& device_id,
                           const crypto::X25519PublicKey& key) const;

 private:
  std::filesystem::path file_;
};

}  // namespace sk::integration
