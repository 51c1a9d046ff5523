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
    case EventKind::kChatMessage:
    case EventKind::kWave:
    case EventKind::kReadReceipt:
    case EventKind::kContactCard:
    case EventKind::kSessionProposed:
    case EventKind::kSessionAnswered:
    case EventKind::kSessionRescheduled:
    case EventKind::kSessionCancelled:
    case EventKind::kSessionAttended:
    case EventKind::kSessionNoShow:
    case EventKind::kSessionTimeSuggested:
    case EventKind::kTopicWish:
    case EventKind::kInterests:
    case EventKind::kCaseVouch:
    case EventKind::kCaseGrant:
      return Audience::kCase;
    case EventKind::kCheckIn:
      return Audience::kYouthConsented;
    case EventKind::kSessionNote:
    case EventKind::kGuidance:
    case EventKind::kConcern:
    case EventKind::kConcernResolved:
    case EventKind::kTeamVouch:
    case EventKind::kTeamGrant:
      return Audience::kTeam;
    case EventKind::kUnknown:
      break;
  }
  return std::nullopt;
}

bool may_author(EventKind kind, Role role) {
  const bool youth = role == Role::kYouth;
  const bool contact = role == Role::kContact;
  const bool supervisor = role == Role::kSupervisor;
  switch (kind) {
    case EventKind::kChatMessage:
    case EventKind::kWave:
    case EventKind::kReadReceipt:
      return youth || contact;
    case EventKind::kSessionProposed:
    case EventKind::kSessionRescheduled:
    case EventKind::kSessionCancelled:
    case EventKind::kSessionAttended:
    case EventKind::kSessionNoShow:
    case EventKind::kSessionNote:
    case EventKind::kContactCard:
      return contact;
    case EventKind::kSessionAnswered:
    case EventKind::kSessionTimeSuggested:
    case EventKind::kCheckIn:
    case EventKind::kTopicWish:
    case EventKind::kInterests:
      return youth;
    case EventKind::kGuidance:
      return supervisor;
    case EventKind::kConcern:
    case EventKind::kConcernResolved:
    case EventKind::kTeamVouch:
    case EventKind::kTeamGrant:
      return contact || supervisor;
    case EventKind::kCaseVouch:
      return contact;
    case EventKind::kCaseGrant:
      return youth || contact;
    case EventKind::kUnknown:
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
        *role == Role::kYouth ? "the youth" : (*role == Role::kContact ? "a contact" : "a supervisor");
    return fail("model.invalid", "author.principal: " + std::string(article) + " may not write " +
                                     std::string(to_string(event.kind())));
  }
  return {};
}

}  // namespace sk::model
