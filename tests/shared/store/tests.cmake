sk_add_test_suite(sk_store_tests
  SOURCES
    store/directory_test.cpp
    store/events_test.cpp
    store/kill_during_sync_test.cpp
    store/kill_during_writes_test.cpp
    store/migration_test.cpp
    store/outbox_test.cpp
    store/sync_state_test.cpp
  LIBS sk_store)
