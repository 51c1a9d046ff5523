#pragma once
// Internal: every domain-separation string of the protocol, in one place (docs/protocol.md §1).
// Each is used for exactly one purpose, so no output of one derivation can stand in for another.
// The two that the server also handles (login, organisation transcript) live in sk::protocol.

#include <string_view>

namespace sk::crypto::domain {

inline constexpr std::string_view kFingerprint = "spillkontakt/v1/device-fingerprint";
inline constexpr std::string_view kKeyId = "spillkontakt/v1/key-id";
inline constexpr std::string_view kSafetyCode = "spillkontakt/v1/safety-code";
inline constexpr std::string_view kPairingTranscript = "spillkontakt/v1/pairing-transcript";
inline constexpr std::string_view kWrap = "spillkontakt/v1/wrap";
inline constexpr std::string_view kGrantWrap = "spillkontakt/v1/grant-wrap";
inline constexpr std::string_view kPayload = "spillkontakt/v1/payload";
inline constexpr std::string_view kRecordSignature = "spillkontakt/v1/record-signature";
inline constexpr std::string_view kCodeStretch = "spillkontakt/v1/code-stretch";
inline constexpr std::string_view kKeyConfirmation = "spillkontakt/v1/key-confirmation";

}  // namespace sk::crypto::domain
