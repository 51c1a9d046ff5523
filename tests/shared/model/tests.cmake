sk_add_test_suite(sk_model_tests
  SOURCES
    model/case_state_test.cpp
    model/chat_test.cpp
    model/codec_test.cpp
    model/domain_test.cpp
    model/event_id_test.cpp
    model/rules_test.cpp
    model/sample_events.cpp
    model/schedule_test.cpp
    model/state_summary.cpp
    model/validation_test.cpp
    model/vouch_grant_test.cpp
    model/vectors_test.cpp
    model/zone_rules_test.cpp
  LIBS sk_model nlohmann_json::nlohmann_json)
