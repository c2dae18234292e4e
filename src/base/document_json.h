// base/document_json.h: the JSON shapes of a document's blocks and removed
// lines, shared by every output that shows them (the clean and extract
// commands, the report, the store's columns and the HTTP API), so the audit
// trail reads the same everywhere:
//   blocks:  [{"kind": "body", "text": "...", "line": 4}]
//   removed: [{"text": "...", "reason": "ad_marker", "rule": "ad_marker", "line": 7}]
// Header-only: include it where nlohmann-json is linked.
#ifndef RSH_BASE_DOCUMENT_JSON_H_
#define RSH_BASE_DOCUMENT_JSON_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "base/document.h"

namespace rashomon {

inline nlohmann::json BlocksJson(const std::vector<Block>& blocks) {
  nlohmann::json out = nlohmann::json::array();
  for (const Block& b : blocks) {
    out.push_back({{"kind", BlockKindName(b.kind)}, {"text", b.text}, {"line", b.line}});
  }
  return out;
}

inline nlohmann::json RemovedJson(const std::vector<RemovedLine>& removed) {
  nlohmann::json out = nlohmann::json::array();
  for (const RemovedLine& r : removed) {
    out.push_back({{"text", r.text},
                   {"reason", RemoveReasonName(r.reason)},
                   {"rule", r.rule},
                   {"line", r.line}});
  }
  return out;
}

}  // namespace rashomon

#endif  // RSH_BASE_DOCUMENT_JSON_H_
