# sk_store: the device's local SQLite database (docs/store.md). Depends on sk_core and SQLiteCpp
# only: events arrive already validated and decrypted, so neither sk_model nor sk_crypto is needed.
add_library(sk_store STATIC
  ${CMAKE_CURRENT_LIST_DIR}/src/store/directory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/rows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/statements.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/src/store/sync_state.cpp)
target_include_directories(sk_store PUBLIC ${CMAKE_CURRENT_LIST_DIR}/include)
# PUBLIC: Store owns a SQLite::Database, so its header includes SQLiteCpp.
target_link_libraries(sk_store PUBLIC sk_core SQLiteCpp)
sk_target_defaults(sk_store)
