// Envelope test vectors (tests/vectors/envelope/*.txt), in the manner of C2SP/CCTV's age vectors:
// one file per case, one expected outcome per file, read back and checked here. Another
// implementation can run the same files.
//
// Format: "name: value" lines, a blank line, then the envelope in hex (64 digits per line).
//   expect:   success | not_recipient | bad_author | header_failure | payload_failure | truncated |
//             unsupported_version | context_mismatch | kind_mismatch | bad_signature
//   kind:     chat | record          (what the opener expects)
//   context:  hex                    (what the opener expects)
//   author:   hex, 64 bytes          (the expected author's Ed25519 ‖ X25519 public keys)
//   identity: hex, 64 bytes          (the opener's Ed25519 seed ‖ X25519 secret)
//   payload:  hex SHA-256 of the plaintext (success only)
//   comment:  free text
//
// The generator below rewrites the files when SK_REGENERATE_ENVELOPE_VECTORS=1 is set.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <variant>

#include "envelope_format.hpp"
#include "forgery.hpp"
#include "sk/crypto/envelope.hpp"
#include "test_support.hpp"

namespace sk::crypto {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(SK_SOURCE_DIR) / "tests" / "vectors" / "envelope";

const std::map<std::string, std::optional<OpenError>>& expectations() {
  static const std::map<std::string, std::optional<OpenError>> kMap{
      {"success", std::nullopt},
      {"not_recipient", OpenError::not_recipient},
      {"bad_author", OpenError::bad_author},
      {"header_failure", OpenError::header_failure},
      {"payload_failure", OpenError::payload_failure},
      {"truncated", OpenError::truncated},
      {"unsupported_version", OpenError::unsupported_version},
      {"context_mismatch", OpenError::context_mismatch},
      {"kind_mismatch", OpenError::kind_mismatch},
      {"bad_signature", OpenError::bad_signature},
  };
  return kMap;
}

struct Vector {
  std::optional<OpenError> expect;
  EnvelopeKind kind = EnvelopeKind::chat;
  Bytes context;
  DevicePublicKeys author;
  Bytes identity;
  std::optional<Bytes> payload_hash;
  Bytes envelope;
};

std::optional<Bytes> strict_hex(const std::string& s) {
  return hex_decode(s);
}

// (Streams' getline trips GCC 12's -Wnull-dereference inside libstdc++; plain splitting doesn't.)
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const auto stop = end == std::string::npos ? text.size() : end;
    lines.push_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return lines;
}

std::string read_file(const fs::path& path) {
  std::string out;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) out.append(buf.data(), n);
    std::fclose(f);
  }
  return out;
}

void write_file(const fs::path& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr) << path;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

// Returns the vector or a reason it is malformed; an unknown field or expect value is an error.
std::variant<Vector, std::string> parse_vector(const std::string& text) {
  const auto lines = split_lines(text);
  std::size_t at = 0;
  std::map<std::string, std::string> fields;
  for (; at < lines.size() && !lines[at].empty(); ++at) {
    const auto& line = lines[at];
    const auto colon = line.find(": ");
    const auto name = line.substr(0, line.find(':'));
    const auto value = colon == std::string::npos ? std::string{} : line.substr(colon + 2);
    static const std::set<std::string> kKnown{"expect",   "kind",    "context", "author",
                                              "identity", "payload", "comment"};
    if (!kKnown.contains(name)) return "unknown field '" + name + "'";
    fields[name] = value;
  }
  std::string body;
  for (; at < lines.size(); ++at) body += lines[at];

  Vector v;
  const auto e = expectations().find(fields["expect"]);
  if (e == expectations().end()) return "unknown expect value '" + fields["expect"] + "'";
  v.expect = e->second;
  if (fields["kind"] != "chat" && fields["kind"] != "record") return "unknown kind '" + fields["kind"] + "'";
  v.kind = fields["kind"] == "chat" ? EnvelopeKind::chat : EnvelopeKind::record;
  const auto context = strict_hex(fields["context"]);
  const auto author = strict_hex(fields["author"]);
  const auto identity = strict_hex(fields["identity"]);
  const auto envelope = strict_hex(body);
  if (!context || !author || !identity || !envelope) return "malformed hex";
  const auto author_keys = DevicePublicKeys::decode(*author);
  if (!author_keys || identity->size() != 2 * kKeySize) return "wrong key length";
  v.context = *context;
  v.author = *author_keys;
  v.identity = *identity;
  v.envelope = *envelope;
  if (fields.contains("payload")) v.payload_hash = strict_hex(fields["payload"]);
  if (!v.expect && !v.payload_hash) return "a success vector needs a payload hash";
  return v;
}

DeviceIdentity identity_of(ByteView secrets) {
  return DeviceIdentity::from_secrets(*Secret<kKeySize>::from(secrets.first(kKeySize)),
                                      *Secret<kKeySize>::from(secrets.last(kKeySize)));
}

// Opens every vector in `dir` and checks it meets its `expect:` line.
void check_vectors(const fs::path& dir) {
  std::size_t count = 0;
  std::set<std::string> seen;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().filename().string());
    auto parsed = parse_vector(read_file(entry.path()));
    ASSERT_TRUE(std::holds_alternative<Vector>(parsed)) << std::get<std::string>(parsed);
    const auto& v = std::get<Vector>(parsed);
    const auto me = identity_of(v.identity);
    PairwiseCache cache;
    const auto opened =
        open(v.envelope, me, {.author = v.author, .kind = v.kind, .context = v.context}, cache);
    if (!v.expect) {
      ASSERT_TRUE(opened.ok()) << error_code(opened.error());
      EXPECT_EQ(hex_encode(sha256(opened->plaintext.view()).view()), hex_encode(*v.payload_hash));
      seen.insert("success");
    } else {
      ASSERT_FALSE(opened.ok());
      EXPECT_EQ(error_code(opened.error()), error_code(*v.expect));
      seen.insert(std::string(error_code(*v.expect)));
    }
    ++count;
  }
  EXPECT_GE(count, 15U);
  EXPECT_EQ(seen.size(), expectations().size()) << "every expectation has at least one vector";
}

TEST(EnvelopeVectors, EveryVectorMeetsItsExpectation) {
  check_vectors(kDir);
}

TEST(EnvelopeVectors, ReaderRejectsUnknownExpectValuesAndFields) {
  const std::string good_tail = "kind: chat\ncontext: \nauthor: " + std::string(128, '0') +
                                "\nidentity: " + std::string(128, '0') + "\n\n00\n";
  EXPECT_TRUE(std::holds_alternative<std::string>(parse_vector("expect: maybe\n" + good_tail)));
  EXPECT_TRUE(
      std::holds_alternative<std::string>(parse_vector("expect: truncated\nflavour: x\n" + good_tail)));
  EXPECT_TRUE(std::holds_alternative<Vector>(parse_vector("expect: truncated\n" + good_tail)));
}

// --- the generator

struct Party {
  std::string name;
  DeviceIdentity id;
  explicit Party(const std::string& n)
      : name(n),
        id(DeviceIdentity::from_secrets(
            *Secret<kKeySize>::from(sha256(as_bytes("sk vector signing " + n)).view()),
            *Secret<kKeySize>::from(sha256(as_bytes("sk vector encryption " + n)).view()))) {}
  Bytes secrets() const {
    Bytes out;
    const auto s = id.export_signing_seed();
    const auto x = id.export_encryption_secret();
    out.insert(out.end(), s.view().begin(), s.view().end());
    out.insert(out.end(), x.view().begin(), x.view().end());
    return out;
  }
};

void write_vector(const fs::path& dir, const std::string& file, const std::string& expect,
                  const std::string& comment, EnvelopeKind kind, ByteView context, const Party& author,
                  const Party& opener, ByteView envelope, std::optional<ByteView> plaintext = std::nullopt) {
  std::string out = "expect: " + expect + "\n";
  out += std::string("kind: ") + (kind == EnvelopeKind::chat ? "chat" : "record") + "\n";
  out += "context: " + hex_encode(context) + "\n";
  out += "author: " + hex_encode(author.id.public_keys().encode()) + "\n";
  out += "identity: " + hex_encode(opener.secrets()) + "\n";
  if (plaintext) out += "payload: " + hex_encode(sha256(*plaintext).view()) + "\n";
  out += "comment: " + comment + "\n\n";
  const auto hex = hex_encode(envelope);
  for (std::size_t i = 0; i < hex.size(); i += 64) out += hex.substr(i, 64) + "\n";
  write_file(dir / file, out);
}

// Writes a fresh set of vectors (new random keys) into `dir`, replacing its .txt files.
void generate_vectors(const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") fs::remove(entry.path());
  }
  const Party contact("contact"), youth("youth"), supervisor("supervisor"), mallory("mallory");
  const auto context =
      as_bytes("case:0192b7e0-0000-7000-8000-000000000001|event:0192b7e0-0000-7000-8000-00000000abcd|case");
  const auto message = as_bytes("Hei! Ses vi i spillet i kveld kl 19?");
  PairwiseCache cache;
  const auto seal = [&](const Party& from, std::vector<const Party*> to, EnvelopeKind kind, ByteView ctx,
                        ByteView pt) {
    std::vector<DevicePublicKeys> keys;
    for (const auto* p : to) keys.push_back(p->id.public_keys());
    return *crypto::seal(from.id, keys, kind, ctx, pt, cache);
  };
  const auto chat = EnvelopeKind::chat;
  const auto record = EnvelopeKind::record;

  const auto one = seal(contact, {&youth}, chat, context, message);
  write_vector(dir, "success_chat_one_recipient.txt", "success", "chat from the contact to the youth", chat,
               context, contact, youth, one, message);
  const auto note =
      as_bytes("Session note: played for 50 minutes, talked about school a little. Mood seemed better.");
  const auto three = seal(contact, {&supervisor, &youth, &contact}, record, context, note);
  write_vector(dir, "success_record_three_recipients.txt", "success",
               "signed record; the opener holds the second stanza", record, context, contact, youth, three,
               note);
  const auto empty = seal(youth, {&contact}, chat, {}, {});
  write_vector(dir, "success_empty_plaintext_empty_context.txt", "success",
               "zero-length plaintext and context", chat, {}, youth, contact, empty, ByteView{});
  const Bytes big(5000, 'k');
  const auto large = seal(contact, {&youth}, chat, context, big);
  write_vector(dir, "success_8k_bucket.txt", "success", "5000-byte plaintext padded to the 8 KiB bucket",
               chat, context, contact, youth, large, big);

  write_vector(dir, "not_recipient.txt", "not_recipient",
               "sealed to the youth only; opened by the supervisor", chat, context, contact, supervisor, one);
  const auto by_mallory = seal(mallory, {&youth}, chat, context, message);
  write_vector(dir, "bad_author_other_device.txt", "bad_author",
               "sealed by another device than the expected author", chat, context, contact, youth,
               by_mallory);
  auto claimed = by_mallory;
  const auto fp = contact.id.fingerprint();
  std::copy(fp.bytes.begin(), fp.bytes.end(),
            claimed.begin() + static_cast<std::ptrdiff_t>(3 + context.size()));
  write_vector(dir, "bad_author_claimed_fingerprint.txt", "bad_author",
               "sealed by another device that wrote the author's fingerprint into the header", chat, context,
               contact, youth, claimed);
  PairwiseCache sup_cache;
  const auto opened_by_supervisor =
      open(three, supervisor.id, {.author = contact.id.public_keys(), .kind = record, .context = context},
           sup_cache);
  const auto two = seal(contact, {&supervisor, &youth}, chat, context, message);
  const auto opened_two = open(
      two, supervisor.id, {.author = contact.id.public_keys(), .kind = chat, .context = context}, sup_cache);
  const auto swapped =
      testing::swap_payload(two, opened_two->file_key, as_bytes("Session cancelled. Don't come."));
  write_vector(dir, "bad_author_payload_swapped_by_fellow_recipient.txt", "bad_author",
               "the other recipient re-encrypted a new payload under the file key and fixed the header MAC",
               chat, context, contact, youth, swapped);
  (void)opened_by_supervisor;

  auto other_stanza = two;
  const auto parsed_two = format::parse(two);
  const auto wrapped_at = static_cast<std::size_t>(parsed_two->wrapped_keys.data() - two.data());
  other_stanza[wrapped_at + 7] ^= 0x01;  // the supervisor's stanza; the youth opens
  write_vector(dir, "header_failure_other_stanza_altered.txt", "header_failure",
               "another recipient's wrapped key was altered; the header MAC catches it", chat, context,
               contact, youth, other_stanza);
  auto unknown_kind = one;
  unknown_kind[1] = 3;
  write_vector(dir, "header_failure_unknown_kind.txt", "header_failure", "kind byte 0x03 is not defined",
               chat, context, contact, youth, unknown_kind);

  auto bad_padding = format::pad(message);
  bad_padding.data()[bad_padding.size() - 1] = 0x01;
  const std::vector<DevicePublicKeys> to_youth{youth.id.public_keys()};
  const auto padded_wrong =
      *format::seal_padded(contact.id, to_youth, chat, context, bad_padding.view(), cache);
  write_vector(dir, "payload_failure_nonzero_padding.txt", "payload_failure",
               "authentic envelope whose padding has a non-zero byte", chat, context, contact, youth,
               padded_wrong);
  auto bad_length = format::pad(message);
  bad_length.data()[2] = 0x10;  // claims 4096+ bytes inside a 256-byte bucket
  const auto length_wrong =
      *format::seal_padded(contact.id, to_youth, chat, context, bad_length.view(), cache);
  write_vector(dir, "payload_failure_padding_length.txt", "payload_failure",
               "authentic envelope whose padded length field exceeds its bucket", chat, context, contact,
               youth, length_wrong);

  write_vector(dir, "truncated_last_byte.txt", "truncated", "the last byte of the payload tag is missing",
               chat, context, contact, youth, ByteView(one).first(one.size() - 1));
  write_vector(dir, "truncated_in_header.txt", "truncated", "cut inside the author fingerprint", chat,
               context, contact, youth, ByteView(one).first(40));
  write_vector(dir, "truncated_record_signature.txt", "truncated", "a record without its signature", record,
               context, contact, youth, ByteView(three).first(three.size() - Signature::kSize));

  auto future = one;
  future[0] = 0x02;
  write_vector(dir, "unsupported_version.txt", "unsupported_version", "version byte 0x02", chat, context,
               contact, youth, future);
  write_vector(
      dir, "context_mismatch.txt", "context_mismatch", "the opener expects another event id", chat,
      as_bytes("case:0192b7e0-0000-7000-8000-000000000001|event:0192b7e0-0000-7000-8000-00000000abce|case"),
      contact, youth, one);
  write_vector(dir, "kind_mismatch.txt", "kind_mismatch", "a chat envelope where a record is expected",
               record, context, contact, youth, one);
  auto forged_signature = three;
  forged_signature[forged_signature.size() - 33] ^= 0x20;
  write_vector(dir, "bad_signature.txt", "bad_signature", "one bit of the record signature flipped", record,
               context, contact, youth, forged_signature);
}

// The generator and the reader agree: freshly generated vectors meet their expectations. With
// SK_REGENERATE_ENVELOPE_VECTORS=1 the committed vectors in tests/vectors/envelope are rewritten.
TEST(EnvelopeVectors, GeneratorMakesVectorsThatMeetTheirExpectations) {
  const auto dir = fs::temp_directory_path() / ("sk-envelope-vectors-" + std::to_string(::getpid()));
  generate_vectors(dir);
  check_vectors(dir);
  fs::remove_all(dir);
  const char* flag = std::getenv("SK_REGENERATE_ENVELOPE_VECTORS");
  if (flag != nullptr && std::string(flag) == "1") generate_vectors(kDir);
}

}  // namespace
}  // namespace sk::crypto
