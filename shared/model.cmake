# sk_model: the pure domain layer (ids, events, JSON codec, folding to state). No I/O or threads of
# its own; time-zone offsets come from the system tz database through Debian's date library.
find_package(date REQUIRED)
add_library(sk_model STATIC
  src/model/case.cpp
  src/model/case_state.cpp
  src/model/chat_state.cpp
  src/model/codec.cpp
  src/model/codec_bodies.cpp
  src/model/event.cpp
  src/model/event_id.cpp
  src/model/json_reader.cpp
  src/model/json_strict.cpp
  src/model/principal.cpp
  src/model/rules.cpp
  src/model/schedule_state.cpp
  src/model/strong_id.cpp
  src/model/team_state.cpp
  src/model/timestamp.cpp
  src/model/validate.cpp
  src/model/wellbeing_state.cpp
  src/model/zone_rules.cpp)
target_include_directories(sk_model PUBLIC include)
target_link_libraries(sk_model PUBLIC sk_core PRIVATE nlohmann_json::nlohmann_json date::date-tz)
sk_target_defaults(sk_model)
