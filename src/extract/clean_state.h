// extract/clean_state.h: the per-line state shared by the cleaner's passes.
//
// Internal to the extract module: cleaner.cc prepares one Line per
// non-blank input line and one Decision per Line; the context passes of
// context_rules.h refine the Decisions; cleaner.cc turns them into blocks
// and removed lines.
//
// Thread-safety: plain data.
#ifndef RSH_EXTRACT_CLEAN_STATE_H_
#define RSH_EXTRACT_CLEAN_STATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/document.h"
#include "extract/line_rules.h"

namespace rashomon::extract::internal {

struct Line {
  std::string text;
  std::string lower;
  std::string key;
  int line_no = 0;
  bool blank_before = false;
  LineShape shape;
  std::optional<RuleHit> hit;
  uint64_t hash = 0;
  LineView view() const { return LineView{text, lower, key}; }
};

struct Prepared {
  std::vector<Line> lines;
  size_t invalid_bytes = 0;
};

// What happens to one line.
struct Decision {
  bool removed = false;
  RemoveReason reason = RemoveReason::kTemplate;
  std::string_view rule;
  std::optional<BlockKind> kind;
  std::string kept_text;  // The text to keep when it differs from the line.
};

// Marks `d` removed for `reason`; `rule` must outlive `d` (a literal).
inline void Remove(Decision* d, RemoveReason reason, std::string_view rule) {
  d->removed = true;
  d->reason = reason;
  d->rule = rule;
}

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_CLEAN_STATE_H_
