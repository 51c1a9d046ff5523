#include "sync_target.hpp"

#include <stdexcept>

#include "api_client.hpp"
#include "http_connection.hpp"
#include "sk/core/encoding.hpp"

namespace sk::bench {

namespace {

using nlohmann::json;

struct SetupState {
  std::size_t next_device = 0;
  LookupIds lookups;
  std::string supervisor_token;
  std::size_t cases_per_device = 0;
  std::vector<SyncTarget::Device> devices;
};

// Per device: a contact code from the supervisor, enrollment, login, then its cases.
asio::awaitable<void> enroll_devices(asio::io_context& io, tcp::endpoint endpoint, std::string host,
                                     SetupState& state) {
  HttpConnection connection(io, endpoint);
  ApiClient api(connection, host);
  while (state.next_device < state.devices.size()) {
    const std::size_t i = state.next_device++;
    std::string lookup;
    co_await with_fresh_lookup(state.lookups, [&](std::string id) -> asio::awaitable<json> {
      lookup = id;
      const json body = {{"lookup", id}, {"role", "contact"}, {"confirmation", fake_confirmation()}};
      co_return co_await api.call(http::verb::post, "/v1/enroll-codes", &body, state.supervisor_token,
                                  http::status::created);
    });
    BenchDevice contact = BenchDevice::generate();
    json enroll = contact.public_keys();
    enroll["lookup"] = lookup;
    contact.device_id =
        (co_await api.call(http::verb::post, "/v1/enroll", &enroll, "", http::status::created))
            .at("device_id");
    co_await api.authenticate(contact);
    SyncTarget::Device device{contact.token, {}};
    for (std::size_t c = 0; c < state.cases_per_device; ++c) {
      const json created =
          co_await with_fresh_lookup(state.lookups, [&](std::string id) -> asio::awaitable<json> {
            const json body = {{"lookup", id}};
            co_return co_await api.call(http::verb::post, "/v1/cases", &body, contact.token,
                                        http::status::created);
          });
      device.case_ids.push_back(created.at("case_id").get<std::string>());
    }
    state.devices[i] = std::move(device);
  }
}

}  // namespace

asio::awaitable<std::unique_ptr<SyncTarget>> SpillkontaktTarget::sync_devices(asio::io_context& io,
                                                                              std::size_t devices,
                                                                              std::size_t cases_per_device,
                                                                              std::size_t concurrency) const {
  SetupState state;
  state.supervisor_token = supervisor_token_;
  state.cases_per_device = cases_per_device;
  state.devices.resize(devices);
  co_await run_workers(io, concurrency, [&] { return enroll_devices(io, endpoint_, host_, state); });
  co_return std::make_unique<SyncTarget>(endpoint_, process_.pid(), AppendTo{host_, event_id_prefix_},
                                         std::move(state.devices));
}

Request SyncTarget::poll_request(std::size_t channel, const Cursor& cursor) const {
  const auto& device = devices_[channel];
  std::vector<Cursor::Case> known = cursor.cases;
  if (known.empty()) {
    for (const auto& id : device.case_ids) known.push_back({id, 0, 0});
  }
  // Concatenated: ids are base64url and the numbers plain, nothing to escape.
  std::string body = R"({"wait":30,"cases":{)";
  for (std::size_t c = 0; c < known.size(); ++c) {
    if (c > 0) body += ',';
    body.append("\"")
        .append(known[c].case_id)
        .append(R"(":{"after":)")
        .append(std::to_string(known[c].after));
    body.append(R"(,"directory":)").append(std::to_string(known[c].directory)).append("}");
  }
  body += "}}";
  Request request = make_request(http::verb::post, "/v1/sync", server_.host);
  request.set(http::field::authorization, "Bearer " + device.token);
  request.set(http::field::content_type, "application/json");
  request.body() = std::move(body);
  return request;
}

std::vector<std::uint64_t> SyncTarget::parse_poll(const Response& response, Cursor& cursor) const {
  if (response.result() != http::status::ok) {
    throw std::runtime_error("sync answered " + std::to_string(response.result_int()) + " " +
                             response.body().substr(0, 200));
  }
  const json answer = json::parse(response.body());
  std::vector<std::uint64_t> keys;
  cursor.cases.clear();
  for (const json& c : answer.at("cases")) {
    cursor.cases.push_back({c.at("case_id").get<std::string>(), c.at("next_after").get<std::uint64_t>(),
                            c.at("directory").get<std::int64_t>()});
    append_keys(c.at("events"), keys);
  }
  return keys;
}

std::string SyncTarget::encode_payload(std::string_view raw) const {
  return base64url_encode(as_bytes(raw));
}

Request SyncTarget::publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const {
  const auto& device = devices_[channel];
  return append_request(server_, device.case_ids[key % device.case_ids.size()], device.token, key, payload);
}

bool SyncTarget::publish_accepted(const Response& response) const {
  return response.result() == http::status::created;
}

}  // namespace sk::bench
