#include "core/ics/ics_export.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "sk/model/case_state.hpp"

namespace sk::app {
namespace {

constexpr std::int64_t kStart = 1789488000000;  // 2026-09-15 18:00 CEST = 16:00Z

std::vector<model::Meeting> weekly_across_dst() {
  model::ScheduleState s;
  model::SessionProposed p;
  p.start = model::Timestamp{kStart};
  p.time_zone = "Europe/Oslo";
  p.duration_minutes = 90;
  p.recurrence = model::Recurrence::kWeekly;
  p.until = model::Timestamp{kStart + 8 * model::kWeekMs};
  p.title = "Minecraft, byen; del 2";
  auto id = model::EventIdGenerator().next();
  s.propose(id, model::PrincipalId("kari"), p);
  s.cancel(model::SessionCancelled{{id, model::Timestamp{kStart + model::kWeekMs}}, ""});
  return s.meetings_between(model::Timestamp{kStart}, model::Timestamp{kStart + 9 * model::kWeekMs});
}

TEST(IcsExport, WritesUtcTimesThatFollowOsloWallTimeAcrossDst) {
  std::string ics = export_ics(weekly_across_dst(), {"Yara", "Yara", kStart});
  EXPECT_NE(ics.find("DTSTART:20260915T160000Z\r\n"), std::string::npos);  // CEST
  EXPECT_NE(ics.find("DTSTART:20261027T170000Z\r\n"), std::string::npos);  // CET after 25 Oct
  EXPECT_NE(ics.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(ics.find("SUMMARY:Yara: Minecraft\\, byen\\; del 2\r\n"), std::string::npos);
}

TEST(IcsExport, FoldsLongLinesWithoutSplittingUtf8) {
  std::string line = "SUMMARY:" + std::string(70, 'a') + "ææææ";
  std::string folded = ics_fold(line);
  EXPECT_EQ(folded.substr(0, 75), "SUMMARY:" + std::string(67, 'a'));
  EXPECT_EQ(folded.substr(75, 3), "\r\n ");
  EXPECT_EQ(folded.find("\xc3\r"), std::string::npos);
}

TEST(IcsExport, AnIndependentParserReadsEveryMeeting) {
  std::vector<model::Meeting> meetings = weekly_across_dst();
  std::string ics = export_ics(meetings, {"Yara", "Yara", kStart});
  auto path =
      std::filesystem::temp_directory_path() / ("sk-" + std::to_string(std::random_device()()) + ".ics");
  std::ofstream(path, std::ios::binary) << ics;
  std::string cmd =
      "/usr/bin/python3 " + std::string(SK_SOURCE_DIR) + "/tests/overlay/validate_ics.py " + path.string();
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buf[256] = {};
  std::string out;
  while (fgets(buf, sizeof buf, pipe)) out += buf;
  int rc = pclose(pipe);
  std::filesystem::remove(path);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_EQ(out,
            "events=" + std::to_string(meetings.size()) + " cancelled=1 first=2026-09-15T16:00:00+00:00\n");
}

}  // namespace
}  // namespace sk::app
