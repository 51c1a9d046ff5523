#include "support/cli_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace sk::integration {

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path fresh_output(const std::filesystem::path& profile, const char* what) {
  static std::atomic<int> counter{0};
  std::filesystem::create_directories(profile.parent_path());
  return profile.parent_path() /
         (profile.filename().string() + "." + std::to_string(counter++) + "." + what + ".txt");
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

nlohmann::json CliResult::json() const {
  auto end = out.find_last_not_of('\n');
  if (end == std::string::npos) return nullptr;
  auto begin = out.rfind('\n', end);
  const auto line = out.substr(begin == std::string::npos ? 0 : begin + 1,
                               end + 1 - (begin == std::string::npos ? 0 : begin + 1));
  return nlohmann::json::parse(line, nullptr, false);
}

Running CliDevice::start(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{SK_CLI_BINARY, "--profile", profile.string(), "--json",
                                "--weak-kdf-for-tests"};
  if (!server.empty()) {
    argv.push_back("--server");
    argv.push_back(server);
  }
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);

  std::vector<std::string> env{std::string("SK_PASSPHRASE=") + kTestPassphrase};
  for (char** e = environ; *e; ++e) {
    if (std::string_view(*e).starts_with("SK_PASSPHRASE=")) continue;
    env.emplace_back(*e);
  }
  std::vector<char*> cenv;
  for (auto& e : env) cenv.push_back(e.data());
  cenv.push_back(nullptr);

  const auto out = fresh_output(profile, "out");
  const auto err = fresh_output(profile, "err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, SK_CLI_BINARY, &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start spillkontakt-cli");
  return Running(pid, out, err);
}

CliResult CliDevice::run(const std::vector<std::string>& args) const {
  return start(args).wait();
}

Running::Running(pid_t pid, std::filesystem::path out, std::filesystem::path err)
    : pid_(pid), out_(std::move(out)), err_(std::move(err)) {}

Running::Running(Running&& other) noexcept
    : pid_(other.pid_),
      out_(std::move(other.out_)),
      err_(std::move(other.err_)),
      exit_code_(other.exit_code_) {
  other.pid_ = -1;
}

Running::~Running() {
  if (pid_ > 0) kill9();
}

CliResult Running::wait() {
  if (pid_ > 0) {
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = decode_status(status);
    pid_ = -1;
  }
  return CliResult{exit_code_, slurp(out_), slurp(err_)};
}

void Running::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait();
}

void Running::interrupt() {
  if (pid_ > 0) ::kill(pid_, SIGINT);
}

bool Running::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    exit_code_ = decode_status(status);
    pid_ = -1;
    return false;
  }
  return true;
}

std::string Running::out_so_far() const {
  return slurp(out_);
}

}  // namespace sk::integration
