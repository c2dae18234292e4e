#include "extract/paragraph_retention.h"

#include <string_view>
#include <unordered_set>

namespace rashomon::extract {
namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// At least 12 words and sentence-final punctuation.
bool IsBodyParagraph(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words < 12) return false;
  while (!line.empty()) {
    char c = line.back();
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ')' || c == ']') {
      line.remove_suffix(1);
    } else if (line.ends_with("\xE2\x80\x9D") || line.ends_with("\xE2\x80\x99")) {
      line.remove_suffix(3);  // ” ’
    } else {
      break;
    }
  }
  return line.ends_with(".") || line.ends_with("!") || line.ends_with("?");
}

}  // namespace

RetentionStats MeasureRetention(const std::vector<Document>& docs) {
  RetentionStats stats;
  for (const Document& d : docs) {
    std::unordered_set<int> removed;
    for (const RemovedLine& r : d.removed) {
      if (r.rule != "trailing_credit") removed.insert(r.line);
    }
    // The same line numbering as the cleaner: \n, \r\n and \r end lines.
    std::string_view rest = d.raw;
    int line_no = 0;
    while (!rest.empty()) {
      size_t end = rest.find_first_of("\r\n");  // Not on a hot path.
      std::string_view line = rest.substr(0, end);
      if (end == std::string_view::npos) {
        rest = {};
      } else {
        bool crlf = rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n';
        rest.remove_prefix(end + (crlf ? 2 : 1));
      }
      ++line_no;
      if (IsBlank(line)) continue;
      bool kept = removed.count(line_no) == 0;
      ++stats.lines;
      stats.lines_kept += kept;
      if (IsBodyParagraph(line)) {
        ++stats.paragraphs;
        stats.paragraphs_kept += kept;
      }
    }
  }
  return stats;
}

}  // namespace rashomon::extract
