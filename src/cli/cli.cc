#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <ostream>

#include "cli/clean_command.h"
#include "cli/db_commands.h"
#include "cli/dedup_command.h"
#include "cli/extract_command.h"
#include "cli/serve_command.h"
#include "cli/analyze_command.h"
#include "cli/stories_command.h"

namespace rashomon::cli {

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "rashomon: many reports of one event in, one checked account out.\n"
      "Reads plain text, folders and JSONL (.jsonl, .jsonl.gz, .jsonl.zst); `-` is stdin.",
      "rashomon"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rashomon 0.1.0");

  CleanArgs clean;
  CLI::App* clean_cmd = app.add_subcommand(
      "clean",
      "Clean articles: drop boilerplate (ads, promos, credits, widgets, related links, repeats,\n"
      "template lines) and print the kept text, or JSON lines with the audit trail.");
  clean_cmd->add_option("paths", clean.paths, "Files, folders, or - for standard input")
      ->required();
  clean_cmd->add_flag("--json", clean.json,
                      "One JSON object per document per line, with blocks and removed lines");
  clean_cmd
      ->add_option("--max-bytes", clean.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  clean_cmd->add_option("--threads", clean.threads, "Worker threads (0: all cores)")
      ->capture_default_str();
  clean_cmd
      ->add_option("--batch", clean.batch,
                   "Documents cleaned together (lines shared by unrelated documents of a "
                   "batch are template text)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  clean_cmd->add_option("--out", clean.out_path, "Write the output to this file, not stdout");

  ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract",
      "Extract articles from HTML pages (.html, .htm, .gz), WARC archives, JSONL and text:\n"
      "main text, title, authors, date and site, then clean them as `clean` does; print the\n"
      "text, or JSON lines with metadata, blocks and removed lines.");
  extract_cmd->add_option("paths", extract.paths, "Files, folders, or - for standard input")
      ->required();
  extract_cmd->add_flag("--json", extract.json,
                        "One JSON object per article per line, with metadata, blocks and removed "
                        "lines");
  extract_cmd
      ->add_option("--max-bytes", extract.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes (an HTML page is also "
                   "bounded by the parser's 20 MiB budget)")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  extract_cmd->add_option("--threads", extract.threads, "Worker threads (0: all cores)")
      ->capture_default_str();
  extract_cmd
      ->add_option("--batch", extract.batch,
                   "Documents extracted together (lines shared by unrelated documents of a "
                   "batch are template text)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  extract_cmd->add_option("--out", extract.out_path, "Write the output to this file, not stdout");

  DedupArgs dedup;
  CLI::App* dedup_cmd = app.add_subcommand(
      "dedup",
      "Find copies: exact duplicates, near-duplicates and partial copies (a rewrite that\n"
      "copies most of another article), grouped under a representative (the earliest\n"
      "published, else the longest). Reads every input kind that `extract` reads.");
  dedup_cmd->add_option("paths", dedup.paths, "Files, folders, or - for standard input")
      ->required();
  dedup_cmd->add_flag("--json", dedup.json, "One JSON object with the groups");
  dedup_cmd
      ->add_option("--max-bytes", dedup.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  dedup_cmd->add_option("--threads", dedup.threads, "Worker threads (0: all cores)")
      ->capture_default_str();
  dedup_cmd
      ->add_option("--method", dedup.method,
                   "minhash (near and partial copies) or simhash (near-identical copies only, "
                   "less memory)")
      ->capture_default_str()
      ->check(CLI::IsMember({"minhash", "simhash"}));
  dedup_cmd
      ->add_option("--jaccard", dedup.jaccard,
                   "Jaccard resemblance of word 5-shingles that makes a copy")
      ->capture_default_str()
      ->check(CLI::Range(0.05, 1.0));
  dedup_cmd
      ->add_option("--containment", dedup.containment,
                   "Share of the smaller text found in the larger that makes a partial copy")
      ->capture_default_str()
      ->check(CLI::Range(0.05, 1.0));

  StoriesArgs stories;
  StoredStoriesArgs stored_stories;
  stored_stories.db.clear();
  CLI::App* stories_cmd = app.add_subcommand(
      "stories",
      "Group reports of the same event into stories (across languages), and print each\n"
      "story with its documents. Reads every input kind that `extract` reads.\n"
      "With --db FILE and no inputs: the stories stored in that database.");
  stories_cmd->add_option("paths", stories.paths, "Files, folders, or - for standard input");
  stories_cmd->add_option("--db", stored_stories.db, "List the stories of this database");
  stories_cmd->add_option("--limit", stored_stories.limit, "With --db: most stories listed")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  stories_cmd->add_option("--offset", stored_stories.offset, "With --db: stories skipped")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  stories_cmd->add_option("--query", stored_stories.query,
                          "With --db: only stories with a document matching this (FTS5)");
  stories_cmd->add_flag("--json", stories.json, "One JSON object with the stories");
  stories_cmd
      ->add_option("--max-bytes", stories.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  stories_cmd->add_option("--threads", stories.threads, "Worker threads (0: all cores)")
      ->capture_default_str();

  AnalyzeArgs analyze;
  CLI::App* analyze_cmd = app.add_subcommand(
      "analyze",
      "The whole analysis: copies, stories, claims, corroboration, conflicts, quotes,\n"
      "citations and machine translations; writes report.json, report.md and report.html.");
  analyze_cmd->add_option("paths", analyze.paths, "Files, folders, or - for standard input")
      ->required();
  analyze_cmd->add_option("--out", analyze.out_dir, "Folder for the report files")
      ->capture_default_str();
  analyze_cmd->add_flag("--json", analyze.json, "Print the report JSON instead of the summary");
  analyze_cmd
      ->add_option("--max-bytes", analyze.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  analyze_cmd->add_option("--threads", analyze.threads, "Worker threads (0: all cores)")
      ->capture_default_str();
  analyze_cmd->add_option("--db", analyze.db,
                          "Also store the documents and their stories in this database "
                          "(as `ingest` does)");

  IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest",
      "Store documents in a database and keep its stories checked: new documents join\n"
      "stories (or start new ones), and only the stories that changed are re-checked.\n"
      "The same document twice is stored once; each batch is one transaction.");
  ingest_cmd->add_option("paths", ingest.paths, "Files, folders, or - for standard input")
      ->required();
  ingest_cmd->add_option("--db", ingest.db, "The database (created when missing)")
      ->capture_default_str();
  ingest_cmd->add_flag("--json", ingest.json, "One JSON object with the counts");
  ingest_cmd
      ->add_option("--max-bytes", ingest.max_bytes,
                   "Largest input file (or JSONL line) read, in bytes")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, std::numeric_limits<int64_t>::max()));
  ingest_cmd->add_option("--threads", ingest.threads, "Worker threads (0: all cores)")
      ->capture_default_str();
  ingest_cmd->add_option("--batch", ingest.batch, "Documents stored per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));

  SearchArgs search;
  CLI::App* search_cmd = app.add_subcommand(
      "search",
      "Full-text search of a database's documents (FTS5 syntax: words, \"a phrase\",\n"
      "pref*, a AND b, a OR b, NOT c, title:word).");
  search_cmd->add_option("query", search.query, "The query")->required();
  search_cmd->add_option("--db", search.db, "The database")->capture_default_str();
  search_cmd->add_flag("--json", search.json,
                       "One JSON object; matches in snippets between U+0002 and U+0003");
  search_cmd->add_option("--limit", search.limit, "Most documents listed")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));

  ServeArgs serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve",
      "Serve the JSON API (docs/api.md) and the web page over a database until SIGINT or\n"
      "SIGTERM; prints \"listening on http://HOST:PORT/\" once ready.");
  serve_cmd->add_option("--db", serve.db, "The database file (created when missing)")
      ->capture_default_str();
  serve_cmd->add_option("--host", serve.host, "Address to bind (loopback by default)")
      ->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "Port to bind (0: a free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--web-root", serve.web_root,
                        "Serve the web page from this folder instead of the embedded one");
  serve_cmd->add_option("--max-body", serve.max_body, "Largest request body, in bytes (else 413)")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  serve_cmd->add_option("--threads", serve.threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    out << "rashomon 0.1.0\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "rashomon: " << e.what() << "\n";
    // Help for the subcommand that failed, when there is one.
    for (const CLI::App* sub : app.get_subcommands()) {
      err << sub->help();
      return kExitUsage;
    }
    err << "Run 'rashomon --help' for usage.\n";
    return kExitUsage;
  }
  if (clean_cmd->parsed()) return RunClean(clean, out, err);
  if (extract_cmd->parsed()) return RunExtract(extract, out, err);
  if (dedup_cmd->parsed()) return RunDedup(dedup, out, err);
  if (stories_cmd->parsed()) {
    stored_stories.json = stories.json;
    if (!stored_stories.db.empty() && stories.paths.empty()) {
      return RunStoredStories(stored_stories, out, err);
    }
    if (stored_stories.db.empty() == stories.paths.empty()) {
      err << "rashomon stories: give input paths, or --db FILE (not both)\n";
      return kExitUsage;
    }
    return RunStories(stories, out, err);
  }
  if (analyze_cmd->parsed()) return RunAnalyze(analyze, out, err);
  if (ingest_cmd->parsed()) return RunIngest(ingest, out, err);
  if (search_cmd->parsed()) return RunSearch(search, out, err);
  if (serve_cmd->parsed()) return RunServe(serve, out, err);
  return kExitUsage;
}

}  // namespace rashomon::cli
