// bench/extraction_data.h: the labelled HTML data sets and one scored run.
//
// Loads extraction-dev (`html/<id>.html.gz`, `ground-truth.json`: id ->
// {"articleBody", "url"}) and fundus-dev (`labels.jsonl`: one object a
// line with "html", "url", "title", "authors", "published", "body") from
// ../shared/data, runs extract::ExtractBatch over a data set as one batch,
// and scores it with bench/extraction_metric.h. Shared by
// bench/extraction_eval, bench/extract_corpus and
// tests/extraction_eval_test, so that all three count the same way.
//
//   Dataset dev = LoadExtractionDev(RSH_SHARED_DIR "/data/extraction-dev");
//   DatasetResult r = EvaluateDataset(dev, ExtractOptionsForEval());
//   std::printf("F1 %.3f\n", r.body.f1);
//
// Thread-safety: reentrant; reads files.
#ifndef RSH_BENCH_EXTRACTION_DATA_H_
#define RSH_BENCH_EXTRACTION_DATA_H_

#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/document.h"
#include "bench/extraction_metric.h"
#include "extract/extractor.h"

namespace rashomon::bench {

// Reads the file at `path` into `*out`, inflating it when the name ends in
// ".gz". False with `*error` set when it cannot be read or is corrupt.
inline bool ReadDataFile(const std::string& path, std::string* out, std::string* error) {
  out->clear();
  const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (!gz) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path + ": cannot open";
      return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = std::move(ss).str();
    return true;
  }
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = path + ": cannot open";
    return false;
  }
  char buffer[1 << 16];
  int n;
  while ((n = gzread(f, buffer, sizeof(buffer))) > 0) out->append(buffer, static_cast<size_t>(n));
  int code = Z_OK;
  const char* message = gzerror(f, &code);
  const bool ok = n == 0 && (code == Z_OK || code == Z_STREAM_END);
  if (!ok) *error = path + ": corrupt gzip data (" + message + ")";
  gzclose(f);
  return ok;
}

// One labelled page.
struct LabeledPage {
  // extraction-dev: the page hash; fundus-dev: the file name without
  // ".html.gz" ("at_DerStandard_2024_05_03").
  std::string id;
  std::string url;
  std::string html;  // The page's bytes, inflated.
  std::string body;  // The article body of the label.
  // fundus-dev labels; has_metadata is false on extraction-dev.
  bool has_metadata = false;
  std::string title;
  std::vector<std::string> authors;  // Empty also for a null label.
  std::string published;             // "" for a null label.
};

struct Dataset {
  std::string name;  // "extraction-dev" or "fundus-dev".
  std::vector<LabeledPage> pages;
  // Pages or labels that could not be read; the run goes on without them.
  std::vector<std::string> errors;

  size_t HtmlBytes() const {
    size_t n = 0;
    for (const LabeledPage& p : pages) n += p.html.size();
    return n;
  }
};

namespace internal {

inline std::string JsonString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::vector<std::string> JsonStrings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const nlohmann::json& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

inline std::string StemOf(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  for (const char* ext : {".gz", ".html", ".htm"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.resize(name.size() - e.size());
    }
  }
  return name;
}

}  // namespace internal

// Loads extraction-dev from `dir` (see the file comment), pages in id order.
inline Dataset LoadExtractionDev(const std::string& dir) {
  Dataset d;
  d.name = "extraction-dev";
  std::string text, error;
  if (!ReadDataFile(dir + "/ground-truth.json", &text, &error)) {
    d.errors.push_back(error);
    return d;
  }
  nlohmann::json truth = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!truth.is_object()) {
    d.errors.push_back(dir + "/ground-truth.json: not a JSON object");
    return d;
  }
  for (const auto& [id, label] : truth.items()) {  // nlohmann keeps keys sorted.
    LabeledPage p;
    p.id = id;
    p.url = internal::JsonString(label, "url");
    p.body = internal::JsonString(label, "articleBody");
    if (!ReadDataFile(dir + "/html/" + id + ".html.gz", &p.html, &error)) {
      d.errors.push_back(error);
      continue;
    }
    d.pages.push_back(std::move(p));
  }
  return d;
}

// Loads fundus-dev from `dir` (see the file comment), pages in label order.
inline Dataset LoadFundusDev(const std::string& dir) {
  Dataset d;
  d.name = "fundus-dev";
  std::string text, error;
  if (!ReadDataFile(dir + "/labels.jsonl", &text, &error)) {
    d.errors.push_back(error);
    return d;
  }
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json label = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const std::string html = label.is_object() ? internal::JsonString(label, "html") : "";
    if (html.empty()) {
      d.errors.push_back(dir + "/labels.jsonl:" + std::to_string(number) + ": no \"html\" path");
      continue;
    }
    LabeledPage p;
    p.id = internal::StemOf(html);
    p.url = internal::JsonString(label, "url");
    p.body = internal::JsonString(label, "body");
    p.has_metadata = true;
    p.title = internal::JsonString(label, "title");
    p.authors = internal::JsonStrings(label, "authors");
    p.published = internal::JsonString(label, "published");
    if (!ReadDataFile(dir + "/" + html, &p.html, &error)) {
      d.errors.push_back(error);
      continue;
    }
    d.pages.push_back(std::move(p));
  }
  return d;
}

// The extraction options of the evaluation: defaults, one thread (so that
// the timings are single-thread figures).
inline extract::ExtractOptions ExtractOptionsForEval() {
  extract::ExtractOptions options;
  options.clean.threads = 1;
  return options;
}

// The article body as the benchmarks label it: Document::ArticleText (the
// kept blocks except the title and the picture captions).
inline std::string ArticleBody(const Document& doc) { return doc.ArticleText(); }

// The input documents of `dataset`: format kHtml, raw = the page, source =
// the id, url = the labelled URL.
inline std::vector<Document> MakeDocuments(const Dataset& dataset) {
  std::vector<Document> docs;
  docs.reserve(dataset.pages.size());
  for (const LabeledPage& p : dataset.pages) {
    Document d;
    d.source = p.id;
    d.url = p.url;
    d.raw = p.html;
    d.format = DocFormat::kHtml;
    docs.push_back(std::move(d));
  }
  return docs;
}

// Our output for one page, and its scores.
struct PageResult {
  const LabeledPage* page = nullptr;
  std::string error;  // The ExtractBatch error when the page was rejected.
  std::string body;   // ArticleBody of our document.
  std::string title;
  std::string published;
  std::vector<std::string> authors;
  PageCounts counts;
  // Metadata scores (fundus-dev only).
  bool title_ok = false;
  bool date_ok = false;
  bool date_day_ok = false;
  bool authors_ok = false;
};

struct DatasetResult {
  std::string name;
  std::vector<PageResult> pages;  // In the order of Dataset::pages.
  BodyScores body;
  bool has_metadata = false;
  size_t title_ok = 0;
  size_t date_ok = 0;
  size_t date_day_ok = 0;
  size_t authors_ok = 0;
  size_t rejected = 0;  // Pages ExtractBatch returned as errors.
  size_t html_bytes = 0;
  double seconds = 0;  // Wall time of ExtractBatch alone.

  double Share(size_t n) const { return pages.empty() ? 0.0 : double(n) / pages.size(); }
};

// Extracts all of `dataset` as one batch with `options` and scores it.
// `dataset` must outlive the result (PageResult::page points into it).
inline DatasetResult EvaluateDataset(const Dataset& dataset,
                                     const extract::ExtractOptions& options) {
  DatasetResult r;
  r.name = dataset.name;
  r.html_bytes = dataset.HtmlBytes();
  std::vector<Document> docs = MakeDocuments(dataset);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<extract::ExtractError> errors = extract::ExtractBatch(options, &docs);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.rejected = errors.size();

  std::unordered_map<std::string, const Document*> by_id;
  for (const Document& d : docs) by_id[d.source] = &d;
  std::unordered_map<std::string, std::string> error_by_id;
  for (const extract::ExtractError& e : errors) error_by_id[e.source] = e.reason;

  std::vector<PageCounts> counts;
  for (const LabeledPage& p : dataset.pages) {
    PageResult pr;
    pr.page = &p;
    if (auto it = by_id.find(p.id); it != by_id.end()) {
      const Document& d = *it->second;
      pr.body = ArticleBody(d);
      pr.title = d.title;
      pr.published = d.published;
      pr.authors = d.authors;
    } else if (auto e = error_by_id.find(p.id); e != error_by_id.end()) {
      pr.error = e->second;
    } else {
      pr.error = "no output document";
    }
    pr.counts = MatchShingles(p.body, pr.body);
    counts.push_back(pr.counts);
    if (p.has_metadata) {
      r.has_metadata = true;
      pr.title_ok = TitleMatches(p.title, pr.title);
      pr.date_ok = DateMatches(p.published, pr.published);
      pr.date_day_ok = DateDayMatches(p.published, pr.published);
      pr.authors_ok = AuthorsMatch(p.authors, pr.authors);
      r.title_ok += pr.title_ok;
      r.date_ok += pr.date_ok;
      r.date_day_ok += pr.date_day_ok;
      r.authors_ok += pr.authors_ok;
    }
    r.pages.push_back(std::move(pr));
  }
  r.body = Summarize(counts);
  return r;
}

}  // namespace rashomon::bench

#endif  // RSH_BENCH_EXTRACTION_DATA_H_
