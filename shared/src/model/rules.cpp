#include "sk/model/rules.hpp"

#include <array>

namespace sk::model {
namespace {

constexpr std::array<std::string_view, 3> kAudiences{"case", "team", "youth_consented"};

}  // namespace

std::string_view to_string(Audience audience) {
  return kAudiences[static_cast<std::size_t>(audience)];
}

std::optional<Audience> audience_from_string(std::string_view text) {
  for (std::size_t i = 0; i < kAudiences.size(); ++i) {
    if (kAudiences[i] == text) return static_cast<Audience>(i);
  }
  return std::nullopt;
}

std::optional<Audience> audience_of(EventKind kind) {
  switch (kind) {
    case EventKind::chat_message:
    case EventKind::wave:
    case EventKind::read_receipt:
    case EventKind::session_proposed:
    case EventKind::session_answered:
    case EventKind::session_rescheduled:
    case EventKind::session_cancelled:
    case EventKind::session_attended:
    case EventKind::session_no_show:
    case EventKind::topic_wish:
    case EventKind::interests:
      return Audience::case_members;
    case EventKind::check_in:
      return Audience::youth_consented;
    case EventKind::session_note:
    case EventKind::guidance:
    case EventKind::concern:
    case EventKind::concern_resolved:
      return Audience::team;
    case EventKind::unknown:
      break;
  }
  return std::nullopt;
}

bool may_author(EventKind kind, Role role) {
  const bool youth = role == Role::youth;
  const bool contact = role == Role::contact;
  const bool supervisor = role == Role::supervisor;
  switch (kind) {
    case EventKind::chat_message:
    case EventKind::wave:
    case EventKind::read_receipt:
      return youth || contact;
    case EventKind::session_proposed:
    case EventKind::session_rescheduled:
    case EventKind::session_cancelled:
    case EventKind::session_attended:
    case EventKind::session_no_show:
    case EventKind::session_note:
      return contact;
    case EventKind::session_answered:
    case EventKind::check_in:
    case EventKind::topic_wish:
    case EventKind::interests:
      return youth;
    case EventKind::guidance:
      return supervisor;
    case EventKind::concern:
    case EventKind::concern_resolved:
      return contact || supervisor;
    case EventKind::unknown:
      break;
  }
  return false;
}

Result<void> check_author(const Event& event, const Case& c) {
  if (event.case_id != c.id) return fail("model.invalid", "case_id: does not match the case");
  const auto role = c.role_of(event.author);
  if (!role) return fail("model.invalid", "author.principal: is not a member of the case");
  if (!may_author(event.kind(), *role)) {
    const char* article =
        *role == Role::youth ? "the youth" : (*role == Role::contact ? "a contact" : "a supervisor");
    return fail("model.invalid", "author.principal: " + std::string(article) + " may not write " +
                                     std::string(to_string(event.kind())));
  }
  return {};
}

}  // namespace sk::model
