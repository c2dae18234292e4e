// report/report.h: the cited brief of each story, as JSON, Markdown and a
// self-contained HTML page.
//
//   pipeline::Analysis a = pipeline::Analyze(docs);
//   nlohmann::json j = BuildReport(docs, a);    // The schema: docs/report-schema.md.
//   std::string md = RenderMarkdown(j), html = RenderHtml(j);
//
// The JSON is the single source: Markdown and HTML render from it, so the
// three never disagree. Every brief sentence, claim, conflict side and quote
// points at its words in a document's text (`begin`/`end` byte offsets into
// that document's `text`, which the JSON carries).
//
// The brief of a story: 5 to 12 of its aligned claims, most independent
// sources first, then the most central; never a conflicting claim; filled
// with the central report's own sentences when fewer are corroborated; then
// put in the order the reports tell them (mean relative position).
//
// The HTML page loads nothing from the network and escapes every text that
// comes from a source.
//
// Thread-safety: pure functions.
#ifndef RSH_REPORT_REPORT_H_
#define RSH_REPORT_REPORT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/document.h"
#include "pipeline/analyze.h"

namespace rashomon::report {

struct ReportOptions {
  size_t min_brief = 5;   // Brief sentences wanted (fewer when the story has fewer). Default 5.
  size_t max_brief = 12;  // Most brief sentences. Default 12.
  bool include_texts = true;  // Put each document's text in the JSON. Default true.
};

// The aligned claims of `story` chosen for its brief, in telling order.
std::vector<size_t> SelectBrief(const pipeline::AnalyzedStory& story,
                                const ReportOptions& options = {});

// The report of `analysis` (of `docs`), in the shape of docs/report-schema.md.
nlohmann::json BuildReport(const std::vector<Document>& docs, const pipeline::Analysis& analysis,
                           const ReportOptions& options = {});

// Markdown and HTML renderings of a BuildReport result.
std::string RenderMarkdown(const nlohmann::json& report);
std::string RenderHtml(const nlohmann::json& report);

// `s` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace rashomon::report

#endif  // RSH_REPORT_REPORT_H_
