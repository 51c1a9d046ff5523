#pragma once
// A throwaway profile folder with an open store, removed when the test ends.

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "sk/store/store.hpp"

namespace sk::app::testing {

class TempProfile {
 public:
  TempProfile() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("sk-overlay-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto s = store::Store::open(dir_ / "store.db");
    EXPECT_TRUE(s.ok());
    if (s) store_.emplace(std::move(*s));
  }
  ~TempProfile() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempProfile(const TempProfile&) = delete;
  TempProfile& operator=(const TempProfile&) = delete;

  store::Store& store() { return *store_; }
  const std::filesystem::path& dir() const { return dir_; }
  void close() { store_.reset(); }

 private:
  std::filesystem::path dir_;
  std::optional<store::Store> store_;
};

}  // namespace sk::app::testing
