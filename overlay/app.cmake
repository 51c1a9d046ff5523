# The app itself: views, platform glue and the executable (included from overlay/CMakeLists.txt).
find_package(glfw3 REQUIRED)
find_package(OpenGL REQUIRED)
find_package(X11 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBNOTIFY REQUIRED IMPORTED_TARGET libnotify)

add_library(sk_overlay_ui STATIC
  views/widgets.cpp
  views/bar_view.cpp
  views/chat_view.cpp
  views/sessions_view.cpp
  views/check_in_view.cpp
  views/me_view.cpp
  views/help_view.cpp
  views/settings_view.cpp
  views/first_start_view.cpp
  views/enroll_view.cpp
  views/lock_view.cpp
  views/caseload_view.cpp
  views/case_view.cpp
  views/panel_view.cpp
  app/screen_models.cpp
  app/script_runner.cpp
  app/style.cpp
  app/screenshot.cpp
  app/offline_connection.cpp
  app/client_connection.cpp
  app/app.cpp
  app/app_frame.cpp
  app/app_commands.cpp
  app/window_modes.cpp
  platform/global_hotkeys_x11.cpp
  platform/window_tricks_x11.cpp
  platform/notifier_libnotify.cpp)
target_link_libraries(sk_overlay_ui PRIVATE sk_client)
# Debian's libimgui-dev ships a static libimgui.a (GLFW and OpenGL3 backends inside) and no CMake
# package; its headers are under /usr/include/imgui.
target_include_directories(sk_overlay_ui SYSTEM PUBLIC /usr/include/imgui /usr/include/imgui/backends)
target_link_libraries(sk_overlay_ui PUBLIC sk_overlay_core imgui stb glfw OpenGL::GL X11::X11 X11::Xext
                                           PkgConfig::LIBNOTIFY Threads::Threads)
target_compile_definitions(sk_overlay_ui PRIVATE SK_ASSETS_DIR="${SK_ASSETS_DIR}")
sk_target_defaults(sk_overlay_ui)

add_executable(spillkontakt app/main.cpp)
target_link_libraries(spillkontakt PRIVATE sk_overlay_ui)
target_compile_definitions(spillkontakt PRIVATE SK_ASSETS_DIR="${SK_ASSETS_DIR}")
sk_target_defaults(spillkontakt)

include(GNUInstallDirs)
install(TARGETS spillkontakt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT app)
install(DIRECTORY ${SK_ASSETS_DIR}/i18n ${SK_ASSETS_DIR}/fonts ${SK_ASSETS_DIR}/crisis_lines
        DESTINATION ${CMAKE_INSTALL_DATADIR}/spillkontakt COMPONENT app)
install(FILES ${SK_ASSETS_DIR}/spillkontakt.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT app)
install(FILES ${SK_ASSETS_DIR}/icons/spillkontakt.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps COMPONENT app)

# `cpack --config build/overlay/CPackConfig.cmake` builds spillkontakt_<version>_amd64.deb with
# the app, its .desktop entry, icon, catalogs, crisis lines and font.
set(CPACK_PACKAGE_NAME spillkontakt)
set(CPACK_PACKAGE_VENDOR "Spillkontakt")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Spillkontakt: a small window beside the game for youth and their game contact")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Spillkontakt <drift@spillkontakt.invalid>")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL app)  # only the app, not the backend or the CLI
set(CPACK_DEB_COMPONENT_INSTALL OFF)
set(CPACK_MONOLITHIC_INSTALL OFF)
include(CPack)
