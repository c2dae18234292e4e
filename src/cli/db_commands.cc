#include "cli/db_commands.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <system_error>

#include "cli/cli.h"
#include "cli/command_util.h"
#include "collection/collection.h"
#include "store/store.h"

namespace rashomon::cli {
namespace {

using Json = nlohmann::json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Opens an existing database for reading; names the file and the reason on
// `err` when it cannot.
std::unique_ptr<store::Store> OpenExisting(const std::string& db, const store::StoreOptions& options,
                                           std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db, ec)) {
    err << "rashomon: " << db << ": no such database (create one with `rashomon ingest --db "
        << db << " PATH...`)\n";
    return nullptr;
  }
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(db, options);
  if (!store.ok()) {
    err << "rashomon: " << db << ": cannot open the database: " << store.status().message()
        << "\n";
    return nullptr;
  }
  return std::move(*store);
}

// The counts an ingest prints.
struct Totals {
  size_t read = 0, added = 0, stored_before = 0, stories_updated = 0, stories_removed = 0,
         batches = 0;
  void Add(const collection::IngestResult& r) {
    read += r.ids.size();
    const size_t added_now = static_cast<size_t>(std::count(r.inserted.begin(), r.inserted.end(), true));
    added += added_now;
    stored_before += r.ids.size() - added_now;
    stories_updated += r.stories_updated;
    stories_removed += r.stories_removed;
    batches += r.batches;
  }
};

// Prints the summary of an ingest into `c` (its database `db`).
void PrintIngest(const std::string& db, const Totals& t, size_t rejected, bool json,
                 collection::Collection& c, std::ostream& out) {
  Result<int64_t> document_count = c.store().DocumentCount();
  Result<int64_t> story_count = c.store().StoryCount();
  const int64_t documents = document_count.ok() ? *document_count : -1;
  const int64_t stories = story_count.ok() ? *story_count : -1;
  if (json) {
    out << Dump({{"database", db},
                 {"documents_read", t.read},
                 {"documents_added", t.added},
                 {"documents_already_stored", t.stored_before},
                 {"inputs_rejected", rejected},
                 {"batches", t.batches},
                 {"stories_updated", t.stories_updated},
                 {"stories_merged_away", t.stories_removed},
                 {"database_documents", documents},
                 {"database_stories", stories}})
        << "\n";
    return;
  }
  out << db << ": " << t.added << " new document(s), " << t.stored_before
      << " already stored; " << t.stories_updated << " stor" << (t.stories_updated == 1 ? "y" : "ies")
      << " updated";
  if (t.stories_removed > 0) out << ", " << t.stories_removed << " merged into others";
  out << "; the database holds " << documents << " documents in " << stories << " stories\n";
}

}  // namespace

int RunIngest(const IngestArgs& args, std::ostream& out, std::ostream& err) {
  collection::CollectionOptions options;
  options.threads = args.threads;
  options.batch_size = static_cast<size_t>(std::max(args.batch, 1));
  Result<std::unique_ptr<collection::Collection>> opened =
      collection::Collection::Open(args.db, options);
  if (!opened.ok()) {
    err << "rashomon: " << args.db << ": cannot open the database: "
        << opened.status().message() << "\n";
    return kExitUsage;
  }
  collection::Collection& c = **opened;
  Totals totals;
  Status failed;
  internal::Progress progress("stored", err);
  const size_t rejected = internal::ExtractInBatches(
      args.paths, args.max_bytes, args.threads, options.batch_size, err,
      [&](std::vector<Document>* batch) {
        if (!failed.ok()) return;  // A write failed: store nothing more.
        Result<collection::IngestResult> r = c.Ingest(*batch);
        if (!r.ok()) {
          failed = r.status();
          return;
        }
        totals.Add(*r);
        progress.Update(totals.read);
      });
  progress.Finish();
  if (!failed.ok()) {
    err << "rashomon: " << args.db << ": a batch after the first " << totals.read
        << " documents was not stored (rolled back): " << failed.message()
        << "; the batches before it are kept\n";
  }
  PrintIngest(args.db, totals, rejected, args.json, c, out);
  if (!failed.ok()) return kExitOutputFailed;
  return rejected > 0 ? kExitSomeInputsRejected : kExitOk;
}

int StoreAnalyzed(const std::string& db, int threads, const std::vector<Document>& docs,
                  bool quiet, std::ostream& out, std::ostream& err) {
  collection::CollectionOptions options;
  options.threads = threads;
  Result<std::unique_ptr<collection::Collection>> opened =
      collection::Collection::Open(db, options);
  if (!opened.ok()) {
    err << "rashomon: " << db << ": cannot open the database: " << opened.status().message()
        << "\n";
    return kExitOutputFailed;
  }
  Result<collection::IngestResult> r = (*opened)->Ingest(docs);
  Totals totals;
  if (r.ok()) totals.Add(*r);
  if (!r.ok()) {
    err << "rashomon: " << db << ": not all documents were stored: " << r.status().message()
        << "\n";
  }
  if (!quiet) PrintIngest(db, totals, 0, false, **opened, out);
  return r.ok() ? kExitOk : kExitOutputFailed;
}

int RunSearch(const SearchArgs& args, std::ostream& out, std::ostream& err) {
  store::StoreOptions options;
  if (args.json) {
    options.snippet_open = "\x02";
    options.snippet_close = "\x03";
  }
  std::unique_ptr<store::Store> s = OpenExisting(args.db, options, err);
  if (s == nullptr) return kExitUsage;
  Result<std::vector<store::SearchHit>> hits = s->Search(args.query, std::max(args.limit, 0));
  if (!hits.ok()) {
    err << "rashomon: search: " << hits.status().message() << "\n";
    return kExitUsage;
  }
  if (args.json) {
    Json list = Json::array();
    for (const store::SearchHit& h : *hits) {
      Result<std::optional<store::StoredDocument>> d = s->GetDocument(h.document_id);
      Json stories = Json::array();
      std::string source;
      if (d.ok() && d->has_value()) {
        stories = (*d)->stories;
        source = (*d)->document.source;
      }
      list.push_back({{"document_id", h.document_id},
                      {"source", source},
                      {"title", h.title},
                      {"snippet", h.snippet},
                      {"rank", h.rank},
                      {"stories", std::move(stories)}});
    }
    out << Dump({{"query", args.query}, {"hits", std::move(list)}}) << "\n";
    return kExitOk;
  }
  for (const store::SearchHit& h : *hits) {
    out << "document " << h.document_id << ": " << h.title << "\n  " << h.snippet << "\n";
  }
  err << "rashomon: " << hits->size() << " match(es)\n";
  return kExitOk;
}

int RunStoredStories(const StoredStoriesArgs& args, std::ostream& out, std::ostream& err) {
  std::unique_ptr<store::Store> s = OpenExisting(args.db, {}, err);
  if (s == nullptr) return kExitUsage;
  Result<std::vector<store::StorySummary>> list =
      s->ListStories(std::max(args.limit, 0), std::max(args.offset, 0), args.query);
  if (!list.ok()) {
    err << "rashomon: stories: " << list.status().message() << "\n";
    return kExitUsage;
  }
  if (args.json) {
    Json stories = Json::array();
    for (const store::StorySummary& x : *list) {
      stories.push_back({{"id", x.id},
                         {"title", x.title},
                         {"documents", x.documents},
                         {"languages", x.languages},
                         {"conflicts", x.conflicts},
                         {"updated_at", x.updated_at}});
    }
    out << Dump({{"database", args.db}, {"stories", std::move(stories)}}) << "\n";
    return kExitOk;
  }
  for (const store::StorySummary& x : *list) {
    out << "story " << x.id << " (" << x.documents << " documents";
    if (!x.languages.empty()) {
      out << ", ";
      for (size_t i = 0; i < x.languages.size(); ++i) out << (i ? "/" : "") << x.languages[i];
    }
    out << ", " << x.conflicts << " conflicts, updated " << x.updated_at << "): " << x.title
        << "\n";
  }
  err << "rashomon: " << list->size() << " stories\n";
  return kExitOk;
}

}  // namespace rashomon::cli
