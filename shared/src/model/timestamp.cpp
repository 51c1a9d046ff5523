#include "sk/model/timestamp.hpp"

namespace sk::model {

Result<Timestamp> Timestamp::from_unix_ms(std::int64_t ms) {
  const Timestamp t{ms};
  if (!t.in_range()) return fail("model.invalid", "timestamp must be within 2020..2100 (UTC ms)");
  return t;
}

}  // namespace sk::model
