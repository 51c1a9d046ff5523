#include "opener.hpp"

#include "sk/client/event_records.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/rules.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::client {

namespace {

OpenOutcome rejected(std::string reason) {
  return {OpenOutcome::Kind::kRejected, std::nullopt, std::nullopt, std::move(reason)};
}

// Why an opened event may not be stored: it must be exactly what its routing metadata says, and
// its author must be allowed to write it in this case.
std::optional<std::string> misplaced(const model::Event& e, const api::Envelope& routed,
                                     const TrustedDevice& author, const model::Case& c,
                                     const std::string& case_id) {
  if (e.id.str() != routed.event_id) return "event id differs from the routed one";
  if (e.case_id.str() != case_id) return "case differs from the routed one";
  if (e.device.str() != author.device_id) return "author device differs from the sealing device";
  if (e.author.str() != author.principal_id) return "author principal does not own the sealing device";
  const auto audience = model::audience_of(e.kind());
  if (!audience || model::to_string(*audience) != routed.audience) return "audience differs";
  if (auto ok = model::check_author(e, c); !ok) return ok.error().message;
  return std::nullopt;
}

}  // namespace

OpenOutcome open_envelope(store::Store& store, const Self& self, const crypto::DeviceIdentity& identity,
                          crypto::PairwiseCache& cache, const model::Case& c, const std::string& case_id,
                          const api::Envelope& routed, const GrantFor* grant) {
  const auto audience = model::audience_from_string(routed.audience);
  if (!audience) return rejected("unknown audience");
  auto author = trusted(store, self, routed.author_device);
  if (!author) return rejected(author.error().code);
  if (!author->has_value())
    return {OpenOutcome::Kind::kRetryLater, std::nullopt, std::nullopt, "author device is not trusted"};

  const auto context = protocol::envelope_context(case_id, routed.event_id, *audience);
  const crypto::Expectation expect{(*author)->keys, protocol::envelope_kind_for(*audience), context};
  auto opened = [&]() -> Result<crypto::Opened, crypto::OpenError> {
    if (!grant) return crypto::open(routed.envelope, identity, expect, cache);
    auto granter = trusted(store, self, grant->granter_device);
    if (!granter || !*granter) return Unexpected{crypto::OpenError::grant_failure};
    return crypto::open_with_grant(routed.envelope, grant->grant, identity, expect, (*granter)->keys, cache);
  }();
  if (!opened) {
    if (opened.error() == crypto::OpenError::not_recipient)
      return {OpenOutcome::Kind::kNotForMe, std::nullopt, std::nullopt, {}};
    return rejected(std::string(crypto::error_code(opened.error())));
  }
  auto event = model::decode_event(sk::to_string(opened->plaintext.view()));
  if (!event) return rejected(event.error().code);
  if (auto why = misplaced(*event, routed, **author, c, case_id)) return rejected(*why);
  auto record = to_record(*event);
  if (!record) return rejected(record.error().code);
  record->server_seq = routed.seq;
  record->received_at_ms = routed.received_at_ms;
  return {OpenOutcome::Kind::kStored, std::move(*record), std::move(*opened), {}};
}

}  // namespace sk::client
