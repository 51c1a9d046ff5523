// sk_overlay_seed PROFILE_DIR youth|contact NOW_MS [--fresh]: writes a demo profile (identity,
// case and a few days of history, or only identity and case with --fresh) for window tests and
// screenshots.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/workspace.hpp"
#include "support/demo_profile.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: sk_overlay_seed PROFILE_DIR youth|contact NOW_MS [--fresh]\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  auto store = sk::store::Store::open(sk::app::Workspace::store_path(dir));
  if (!store) {
    std::fprintf(stderr, "seed: %s\n", store.error().message.c_str());
    return 1;
  }
  auto side = std::string(argv[2]) == "contact" ? sk::app::testing::DemoSide::kContactSide
                                                : sk::app::testing::DemoSide::kYouthSide;
  bool fresh = argc > 4 && std::string(argv[4]) == "--fresh";
  auto ok = sk::app::testing::seed_demo(*store, side, std::strtoll(argv[3], nullptr, 10), !fresh);
  if (!ok) {
    std::fprintf(stderr, "seed: %s\n", ok.error().message.c_str());
    return 1;
  }
  return 0;
}
