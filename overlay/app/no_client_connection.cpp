// Built instead of client_connection.cpp when backend-client is switched off
// (-DSK_APP_WITH_CLIENT=OFF): the app then runs on its local store only.
#include "app/connection.hpp"

namespace sk::app {

Result<std::unique_ptr<Connection>> make_client_connection(const std::string&, const std::string&,
                                                           std::function<void()>) {
  return fail("app.no_client", "this build has no backend-client; start without --server");
}

}  // namespace sk::app
