// Configuration and the admin CLI: loopback-only plain HTTP, TOML file with flag overrides,
// and a recovery key that is written once and never overwritten.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

TEST(Config, InsecureHttpOnANonLoopbackAddressIsRefused) {
  TempDir dir;
  for (const std::string address : {"0.0.0.0:0", "192.0.2.1:8443", "[::]:0"}) {
    auto r =
        run_backend({"serve", "--listen", address, "--insecure-http", "--data", (dir.path() / "d").string()});
    EXPECT_EQ(r.exit_code, 2) << address;
    EXPECT_NE(r.out.find("only allowed on a loopback address"), std::string::npos) << r.out;
  }
  auto no_tls = run_backend({"serve", "--listen", "0.0.0.0:0", "--data", (dir.path() / "d").string()});
  EXPECT_EQ(no_tls.exit_code, 2);
  EXPECT_NE(no_tls.out.find("--tls-cert"), std::string::npos);
}

TEST(Config, TomlFileWithFlagsOverridingIt) {
  TempDir dir;
  const auto data = dir.path() / "data";
  init_org(data, "Fil kommune");
  const auto file = dir.path() / "backend.toml";
  std::ofstream(file) << "listen = \"127.0.0.1:1\"\ninsecure_http = true\ndata = \"" << data.string()
                      << "\"\ntoken_ttl_seconds = 600\n";
  // ServerProcess passes --listen 127.0.0.1:0 and --data, which override the file.
  ServerProcess server(data, {"--config", file.string()});
  ASSERT_TRUE(server.started()) << server.log();
  HttpClient http(server.base_url());
  EXPECT_EQ(http.get("/healthz").status, 200);

  std::ofstream(dir.path() / "bad.toml") << "listen = \"127.0.0.1:0\"\nno_such_key = 1\n";
  auto bad = run_backend({"serve", "--config", (dir.path() / "bad.toml").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("no_such_key"), std::string::npos);
}

TEST(Config, EventLoopCountOutOfRangeIsRefused) {
  TempDir dir;
  const auto data = (dir.path() / "d").string();
  for (const std::string n : {"-1", "65"}) {
    auto r = run_backend(
        {"serve", "--listen", "127.0.0.1:0", "--insecure-http", "--data", data, "--io-threads", n});
    EXPECT_EQ(r.exit_code, 2) << n;
    EXPECT_NE(r.out.find("--io-threads must be between 0"), std::string::npos) << r.out;
  }
  std::ofstream(dir.path() / "loops.toml") << "io_threads = 1000\n";
  auto file = run_backend({"serve", "--config", (dir.path() / "loops.toml").string()});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.out.find("io_threads must be between 0"), std::string::npos) << file.out;
}

TEST(Config, ASecondServerOnTheSameDataDirectoryIsRefused) {
  TempDir dir;
  const auto data = dir.path() / "data";
  init_org(data, "Lås kommune");
  ServerProcess first(data);
  ASSERT_TRUE(first.started()) << first.log();
  auto second = run_backend({"serve", "--listen", "127.0.0.1:0", "--insecure-http", "--data", data.string()});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.out.find("another spillkontakt-backend is serving"), std::string::npos) << second.out;
  HttpClient http(first.base_url());
  EXPECT_EQ(http.get("/healthz").status, 200) << "the first server is unaffected";
}

TEST(AdminCli, RecoveryKeyIsPrivateAndNeverOverwritten) {
  TempDir dir;
  const auto key = dir.path() / "recovery.key";
  auto r = run_backend({"admin", "init", "--data", (dir.path() / "data").string(), "--org", "Nøkkel kommune",
                        "--recovery-key-out", key.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_FALSE(code_from_output(r.out).empty());
  struct stat st {};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const std::string text = read_file(key);
  EXPECT_NE(text.find("x25519_secret"), std::string::npos);

  auto again = run_backend({"admin", "init", "--data", (dir.path() / "data").string(), "--org", "Igjen",
                            "--recovery-key-out", key.string()});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.out.find("refusing to overwrite"), std::string::npos);
  // The secret half is nowhere in the data directory.
  const auto secret_line = text.substr(text.find("x25519_secret"));
  const auto secret = secret_line.substr(secret_line.find('"') + 1, 43);
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path() / "data")) {
    EXPECT_EQ(read_file(e.path()).find(secret), std::string::npos) << e.path();
  }
}

TEST(AdminCli, EnrollCodeForAContactWorksWithTheRunningServer) {
  Scenario s;
  auto r = run_backend({"admin", "enroll-code", "--data", s.data_dir().string(), "--role", "contact"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto contact = s.enroll(code_from_output(r.out));
  EXPECT_EQ(contact.role, "contact");
  auto devices = run_backend({"admin", "devices", "--data", s.data_dir().string()});
  EXPECT_NE(devices.out.find(contact.device_id), std::string::npos);
  EXPECT_NE(
      run_backend({"admin", "enroll-code", "--data", s.data_dir().string(), "--role", "youth"}).exit_code, 0);
}

TEST(AdminCli, InitWithoutARecoveryKeyPathIsRefusedAndWritesNothing) {
  TempDir dir;
  const auto before =
      std::distance(std::filesystem::directory_iterator("."), std::filesystem::directory_iterator{});
  auto r = run_backend({"admin", "init", "--data", (dir.path() / "data").string(), "--org", "Uten nøkkel"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.out.find("--recovery-key-out"), std::string::npos) << r.out;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator("."), std::filesystem::directory_iterator{}),
            before)
      << "no key file in the current directory";
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data" / "spillkontakt.db"));
}

// Device ids are base64url: one in 32 begins with '-', which an option parser takes for a flag.
TEST(AdminCli, RevokeTakesADeviceIdThatBeginsWithADash) {
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  auto dashed = contact.device_id;
  dashed.front() = '-';
  {
    SQLite::Database db((s.data_dir() / "spillkontakt.db").string(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);  // the running server may be writing (its checkpoints, tokens)
    SQLite::Statement rename(db, "UPDATE devices SET id = ? WHERE id = ?");
    rename.bind(1, dashed);
    rename.bind(2, contact.device_id);
    ASSERT_EQ(rename.exec(), 1);
  }
  auto r = run_backend({"admin", "revoke", "--data", s.data_dir().string(), dashed});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("revoked " + dashed), std::string::npos) << r.out;
  // Also before the options, and after "--".
  r = run_backend({"admin", "revoke", dashed, "--data", s.data_dir().string()});
  EXPECT_NE(r.out.find("already revoked " + dashed), std::string::npos) << r.out;
  r = run_backend({"admin", "revoke", "--data", s.data_dir().string(), "--", dashed});
  EXPECT_NE(r.out.find("already revoked " + dashed), std::string::npos) << r.out;
  // No id, or two, is an error that says so.
  r = run_backend({"admin", "revoke", "--data", s.data_dir().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("DEVICE is required"), std::string::npos) << r.out;
  EXPECT_EQ(run_backend({"admin", "revoke", "--data", s.data_dir().string(), dashed, "-x"}).exit_code, 2);
}

}  // namespace
}  // namespace sk::backend::test

namespace sk::backend::test {
namespace {

TEST(Tls, ServesHttpsWithTheConfiguredCertificateAndRejectsPlainHttp) {
  TempDir dir;
  const auto cert = (dir.path() / "cert.pem").string();
  const auto key = (dir.path() / "key.pem").string();
  const auto cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost"
      " -addext subjectAltName=IP:127.0.0.1 -keyout " +
      key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "needs the openssl command (scripts/install-deps)";
  const auto data = dir.path() / "data";
  init_org(data, "TLS kommune");
  ServerProcess server(data, {"--tls-cert", cert, "--tls-key", key}, /*plain_http=*/false);
  ASSERT_TRUE(server.started()) << server.log();
  HttpClient https(server.base_url());
  https.set_ca_file(cert);
  auto r = https.get("/healthz");
  EXPECT_EQ(r.status, 200) << r.transport_error;
  EXPECT_EQ(r.json["status"], "ok");
  HttpClient untrusting(server.base_url());
  EXPECT_EQ(untrusting.get("/healthz").status, 0) << "an unknown certificate fails the handshake";
  const auto plain = raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 2000);
  EXPECT_EQ(plain.find("200 OK"), std::string::npos);
  EXPECT_TRUE(server.running());
}

}  // namespace
}  // namespace sk::backend::test

namespace sk::backend::test {
namespace {

TEST(RateLimit, DeviceBucketFromTheConfigFileAnswers429WithRetryAfter) {
  TempDir conf;
  const auto file = conf.path() / "limits.toml";
  std::ofstream(file) << "device_rate_per_second = 0.5\ndevice_burst = 3\n";
  Scenario s({"--config", file.string()});
  auto sup = s.supervisor();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(s.http().get("/v1/me", sup.token).status, 200);
  auto limited = s.http().get("/v1/me", sup.token);
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.error_code(), "rate_limited");
  EXPECT_FALSE(limited.retry_after.empty());
  const auto code = code_from_output(
      run_backend({"admin", "enroll-code", "--data", s.data_dir().string(), "--role", "contact"}).out);
  auto other = s.enroll(code);
  EXPECT_EQ(s.http().get("/v1/me", other.token).status, 200) << "buckets are per device";
}

}  // namespace
}  // namespace sk::backend::test
