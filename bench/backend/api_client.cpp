#include "api_client.hpp"

#include <random>

#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/primitives.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::bench {

namespace {
constexpr auto kCallTimeout = std::chrono::seconds(30);
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}  // namespace

BenchDevice BenchDevice::generate() {
  BenchDevice device;
  random_bytes(std::span<std::uint8_t>(device.seed.data(), device.seed.size()));
  device.ed25519 = crypto::ed25519_public_from_seed(device.seed);
  // The benchmark never decrypts, so any 32 bytes serve as the X25519 public key.
  random_bytes(device.x25519.bytes);
  return device;
}

nlohmann::json BenchDevice::public_keys() const {
  return {{"ed25519", base64url_encode(ed25519.view())}, {"x25519", base64url_encode(x25519.view())}};
}

asio::awaitable<nlohmann::json> ApiClient::call(http::verb verb, const std::string& path,
                                                const nlohmann::json* body, const std::string& token,
                                                http::status expected) {
  Request request = make_request(verb, path, host_);
  if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
  if (body != nullptr) {
    request.set(http::field::content_type, "application/json");
    request.body() = body->dump();
  }
  Response response = co_await connection_.round_trip(request, kCallTimeout);
  if (response.result() != expected) {
    std::string code = "?";
    try {
      code = nlohmann::json::parse(response.body()).at("error").at("code").get<std::string>();
    } catch (const std::exception&) {
      // not a JSON error body
    }
    throw ApiError(std::string(http::to_string(verb)) + " " + path + " answered " +
                       std::to_string(response.result_int()) + " " + code,
                   response.result_int());
  }
  co_return response.body().empty() ? nlohmann::json::object() : nlohmann::json::parse(response.body());
}

asio::awaitable<void> ApiClient::authenticate(BenchDevice& device) {
  const nlohmann::json challenge_body = {{"device_id", device.device_id}};
  const auto challenge =
      co_await call(http::verb::post, "/v1/auth/challenge", &challenge_body, "", http::status::ok);
  const auto nonce = base64url_decode(challenge.at("nonce").get<std::string>());
  if (!nonce) throw std::runtime_error("challenge nonce is not base64url");

  const crypto::Signature signature =
      crypto::ed25519_sign(device.seed, protocol::login_message(device.device_id, *nonce));

  const nlohmann::json token_body = {{"device_id", device.device_id},
                                     {"nonce", challenge.at("nonce")},
                                     {"signature", base64url_encode(signature.view())}};
  const auto token = co_await call(http::verb::post, "/v1/auth/token", &token_body, "", http::status::ok);
  device.token = token.at("token").get<std::string>();
}

std::string fake_confirmation() {
  return base64url_encode(random_bytes(32));
}

namespace {
constexpr std::uint32_t kLookupSpace = 32 * 32 * 32 * 32;
}  // namespace

LookupIds::LookupIds() {
  std::mt19937 rng(std::random_device{}());
  next_ = std::uniform_int_distribution<std::uint32_t>(0, kLookupSpace - 1)(rng);
}

std::string LookupIds::take() {
  return lookup_id(next_++ % kLookupSpace);
}

std::string lookup_id(std::uint32_t counter) {
  std::string out(4, '0');
  for (int i = 3; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kCrockford[counter % 32];
    counter /= 32;
  }
  return out;
}

}  // namespace sk::bench
