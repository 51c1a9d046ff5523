# The real app under Xvfb: every view captured to PNG (docs/screenshots/ holds a copy), the
# low-threshold first start counted, and focus kept by the game under a window manager.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(SK_WINDOW_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/window)
add_test(NAME OverlayWindow.EveryViewIsCapturedAndNotBlank
         COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/screenshots_test.py $<TARGET_FILE:spillkontakt>
                 $<TARGET_FILE:sk_overlay_seed> ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
add_test(NAME OverlayWindow.ShowingAndClickingTheBarLeavesTheGameFocused
         COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/focus_test.py $<TARGET_FILE:spillkontakt>
                 $<TARGET_FILE:sk_overlay_seed>)
add_test(NAME OverlayWindow.FirstStartTakesAtMostThreeScreensAnd25Keystrokes
         COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/first_start_test.py $<TARGET_FILE:spillkontakt>)
set_tests_properties(OverlayWindow.EveryViewIsCapturedAndNotBlank OverlayWindow.ShowingAndClickingTheBarLeavesTheGameFocused
                     OverlayWindow.FirstStartTakesAtMostThreeScreensAnd25Keystrokes
                     PROPERTIES TIMEOUT 300 ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
if(TARGET spillkontakt-backend AND TARGET spillkontakt-cli)
  add_test(NAME OverlayWindow.YouthJoinsWithCodeAndChatsBothWaysThroughRealBackend
           COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/journey_test.py $<TARGET_FILE:spillkontakt>
                   $<TARGET_FILE:spillkontakt-cli> $<TARGET_FILE:spillkontakt-backend>
                   ${CMAKE_CURRENT_BINARY_DIR}/journey)
  add_test(NAME OverlayWindow.ContactEnrollsInvitesAndSeesTheYouthJoinThroughRealBackend
           COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/contact_journey_test.py $<TARGET_FILE:spillkontakt>
                   $<TARGET_FILE:spillkontakt-cli> $<TARGET_FILE:spillkontakt-backend>
                   ${CMAKE_CURRENT_BINARY_DIR}/journey)
  add_test(NAME OverlayWindow.ContactSchedulesWeeklyYouthAcceptsAndSuggestsAnotherTimeThroughRealBackend
           COMMAND ${Python3_EXECUTABLE} ${SK_WINDOW_TEST_DIR}/session_test.py $<TARGET_FILE:spillkontakt>
                   $<TARGET_FILE:spillkontakt-cli> $<TARGET_FILE:spillkontakt-backend>
                   ${CMAKE_CURRENT_BINARY_DIR}/journey)
  set_tests_properties(OverlayWindow.YouthJoinsWithCodeAndChatsBothWaysThroughRealBackend
                       OverlayWindow.ContactEnrollsInvitesAndSeesTheYouthJoinThroughRealBackend
                       OverlayWindow.ContactSchedulesWeeklyYouthAcceptsAndSuggestsAnotherTimeThroughRealBackend
                       PROPERTIES TIMEOUT 400 ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
