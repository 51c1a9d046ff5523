#pragma once
// The contract of a fuzz target: every parser of hostile input gets one.
//
//  - LLVMFuzzerTestOneInput(data, size) feeds one input to the parser and checks the parser's
//    own promises (no crash, canonical round trip, whole result or typed error). It returns 0.
//  - sk_fuzz_seeds() returns valid inputs to start from.
//
// With clang and -DSK_FUZZ=ON each target links libFuzzer for coverage-guided fuzzing.
// Otherwise (the default, and in CI under ASan+UBSan) fuzz_replay.cpp drives the same function
// with the seeds and a fixed number of deterministic mutations of them, as an ordinary test.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sk/core/bytes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
std::vector<sk::Bytes> sk_fuzz_seeds();

// A broken promise is a bug: abort so both libFuzzer and the replay driver report the input.
#define SK_FUZZ_CHECK(cond)                                                               \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (false)
