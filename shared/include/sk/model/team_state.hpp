#pragma once
// The team's records, folded: session notes, the supervisors' guidance, and concerns with their
// open/resolved state. The first resolution of a concern wins; resolving an unknown concern is
// ignored.

#include <optional>
#include <vector>

#include "sk/model/event_bodies.hpp"
#include "sk/model/strong_id.hpp"

namespace sk::model {

struct NoteRecord {
  EventId id;
  PrincipalId author;
  Timestamp created_at;
  SessionNote note;
  friend bool operator==(const NoteRecord&, const NoteRecord&) = default;
};

struct GuidanceRecord {
  EventId id;
  PrincipalId author;
  Timestamp created_at;
  Guidance guidance;
  friend bool operator==(const GuidanceRecord&, const GuidanceRecord&) = default;
};

struct Resolution {
  EventId id;  // the concern_resolved event
  PrincipalId by;
  Timestamp at;
  std::string text;
  friend bool operator==(const Resolution&, const Resolution&) = default;
};

struct ConcernRecord {
  EventId id;
  PrincipalId raised_by;
  Timestamp created_at;
  Concern concern;
  std::optional<Resolution> resolution;  // nullopt while open
  [[nodiscard]] bool open() const { return !resolution.has_value(); }
  friend bool operator==(const ConcernRecord&, const ConcernRecord&) = default;
};

class TeamState {
 public:
  void add_note(NoteRecord record) { notes_.push_back(std::move(record)); }
  void add_guidance(GuidanceRecord record) { guidance_.push_back(std::move(record)); }
  void add_concern(ConcernRecord record) { concerns_.push_back(std::move(record)); }
  void resolve(const EventId& concern, Resolution resolution);

  [[nodiscard]] const std::vector<NoteRecord>& notes() const { return notes_; }
  [[nodiscard]] const std::vector<GuidanceRecord>& guidance() const { return guidance_; }
  [[nodiscard]] const std::vector<ConcernRecord>& concerns() const { return concerns_; }
  [[nodiscard]] std::size_t open_concerns() const;
  [[nodiscard]] bool has_open_urgent_concern() const;

  friend bool operator==(const TeamState&, const TeamState&) = default;

 private:
  std::vector<NoteRecord> notes_;
  std::vector<GuidanceRecord> guidance_;
  std::vector<ConcernRecord> concerns_;
};

}  // namespace sk::model
