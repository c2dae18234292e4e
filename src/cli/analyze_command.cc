#include "cli/analyze_command.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <system_error>

#include "base/file_system.h"
#include "cli/cli.h"
#include "cli/command_util.h"
#include "cli/db_commands.h"
#include "pipeline/analyze.h"
#include "report/report.h"

namespace rashomon::cli {

int RunAnalyze(const AnalyzeArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<Document> docs;
  const size_t rejected =
      internal::LoadDocuments(args.paths, args.max_bytes, args.threads, err, &docs,
                              /*keep_raw=*/!args.db.empty());
  pipeline::AnalyzeOptions options;
  options.threads = args.threads;
  const pipeline::Analysis analysis = pipeline::Analyze(docs, options);
  const nlohmann::json report = report::BuildReport(docs, analysis);
  const std::string json =
      report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

  int code = rejected > 0 ? kExitSomeInputsRejected : kExitOk;
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec) {
    err << "rashomon: " << args.out_dir << ": cannot create the folder: " << ec.message() << "\n";
    code = kExitOutputFailed;
  } else {
    const std::filesystem::path dir(args.out_dir);
    const std::pair<const char*, std::string> files[] = {
        {"report.json", json},
        {"report.md", report::RenderMarkdown(report)},
        {"report.html", report::RenderHtml(report)}};
    for (const auto& [name, data] : files) {
      const std::string path = (dir / name).string();
      const Status status = WriteFileAtomically(path, data);
      if (!status.ok()) {
        err << "rashomon: " << path << ": " << status.message() << "\n";
        code = kExitOutputFailed;
      }
    }
  }
  const bool reports_written = code != kExitOutputFailed;
  std::ostringstream stored_line;  // Printed after the summary.
  if (!args.db.empty()) {
    const int stored =
        StoreAnalyzed(args.db, args.threads, docs, /*quiet=*/args.json, stored_line, err);
    if (stored != kExitOk) code = stored;
  }
  if (args.json) {
    out << json;
    return code;
  }
  size_t conflicts = 0, translated = 0, copies = 0;
  for (const auto& s : report["stories"]) conflicts += s["conflicts"].size();
  for (const auto& d : report["documents"]) {
    translated += d.value("machine_translated", false);
    copies += d["duplicate_of"].is_string();
  }
  out << docs.size() << " documents, " << analysis.stories.size() << " stories, " << conflicts
      << " conflicts, " << copies << " copies, " << translated << " machine-translated\n";
  for (const auto& s : report["stories"]) {
    out << "  story " << s["id"].get<uint64_t>() << " (" << s["documents"].size()
        << " documents, " << s["conflicts"].size() << " conflicts): " << s["title"].get<std::string>()
        << "\n";
  }
  out << stored_line.str();
  if (reports_written) {
    out << "report: " << (std::filesystem::path(args.out_dir) / "report.html").string() << "\n";
  }
  return code;
}

}  // namespace rashomon::cli
