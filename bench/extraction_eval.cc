// Scores HTML extraction on the labelled data sets of ../shared/data:
// extraction-dev (body F1, precision, recall with the Zyte benchmark's
// metric, and single-thread pages/s and MB/s of ExtractBatch) and
// fundus-dev (body scores, title, date and author accuracy). See
// bench/extraction_metric.h for the exact rules.
//
//   extraction_eval [--dataset extraction-dev|fundus-dev|all] [--json]
//                   [--misses N] [--shared DIR] [--predictions DIR]
//
// --misses N lists the N worst pages of each data set (page F1, the longest
// run of labelled words we missed and of words we added) and up to N misses
// of each metadata field (ours vs the label). --predictions DIR writes our
// bodies as DIR/<data set>.json in the benchmark's own format (id ->
// {"articleBody", "url"}), for its evaluate.py or other tools.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bench/extraction_data.h"
#include "bench/extraction_metric.h"

using namespace rashomon;
using namespace rashomon::bench;

namespace {

struct Args {
  std::string dataset = "all";
  bool json = false;
  int misses = 0;
  std::string shared = RSH_SHARED_DIR;
  std::string predictions;  // Folder for the <data set>.json files; "" for none.
};

constexpr char kUsage[] =
    "usage: extraction_eval [--dataset extraction-dev|fundus-dev|all] [--json] [--misses N]\n"
    "                       [--shared DIR] [--predictions DIR]\n";

bool ParseArgs(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--json") {
      args->json = true;
    } else if (a == "--dataset") {
      if (!value(&args->dataset)) return false;
      if (args->dataset != "all" && args->dataset != "extraction-dev" &&
          args->dataset != "fundus-dev") {
        return false;
      }
    } else if (a == "--misses") {
      if (!value(&v)) return false;
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (*end != 0 || n < 0 || n > 100000) return false;
      args->misses = static_cast<int>(n);
    } else if (a == "--shared") {
      if (!value(&args->shared)) return false;
    } else if (a == "--predictions") {
      if (!value(&args->predictions)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// The longest run of tokens of `tokens` that no shingle of `other` covers,
// as "N words: first words …", and the total of uncovered tokens.
struct Uncovered {
  size_t total = 0;
  std::string longest;
};

Uncovered FindUncovered(const std::vector<std::string_view>& tokens, const ShingleCounts& other) {
  Uncovered u;
  const size_t k = kShingleTokens;
  std::vector<bool> covered(tokens.size(), false);
  const size_t starts = tokens.size() >= k ? tokens.size() - k + 1 : (tokens.empty() ? 0 : 1);
  std::string key;
  for (size_t i = 0; i < starts; ++i) {
    key.clear();
    const size_t end = std::min(tokens.size(), i + k);
    for (size_t j = i; j < end; ++j) {
      if (j > i) key.push_back(' ');
      key.append(tokens[j]);
    }
    if (other.count(key) > 0) std::fill(covered.begin() + i, covered.begin() + end, true);
  }
  size_t best_start = 0, best_len = 0;
  for (size_t i = 0; i < tokens.size();) {
    if (covered[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < tokens.size() && !covered[j]) ++j;
    u.total += j - i;
    if (j - i > best_len) best_start = i, best_len = j - i;
    i = j;
  }
  if (best_len == 0) return u;
  u.longest = std::to_string(best_len) + " words: \"";
  for (size_t i = best_start; i < best_start + std::min<size_t>(best_len, 14); ++i) {
    if (i > best_start) u.longest += ' ';
    u.longest.append(tokens[i]);
  }
  u.longest += best_len > 14 ? " …\"" : "\"";
  return u;
}

struct PageHint {
  size_t truth_tokens = 0;
  size_t our_tokens = 0;
  Uncovered missing;  // Labelled words we did not output.
  Uncovered extra;    // Words we output that the label does not have.
};

PageHint Hint(const PageResult& r) {
  PageHint h;
  std::vector<std::string_view> truth = WordTokens(r.page->body);
  std::vector<std::string_view> ours = WordTokens(r.body);
  h.truth_tokens = truth.size();
  h.our_tokens = ours.size();
  h.missing = FindUncovered(truth, Shingles(ours));
  h.extra = FindUncovered(ours, Shingles(truth));
  return h;
}

// Indices of the `n` worst pages by page F1 (ties: data set order).
std::vector<size_t> WorstPages(const DatasetResult& r, size_t n) {
  std::vector<size_t> order(r.pages.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.pages[a].counts.F1() < r.pages[b].counts.F1();
  });
  order.resize(std::min(n, order.size()));
  return order;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out = "[";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

double PagesPerSecond(const DatasetResult& r) {
  return r.seconds > 0 ? r.pages.size() / r.seconds : 0;
}
double MegabytesPerSecond(const DatasetResult& r) {
  return r.seconds > 0 ? r.html_bytes / 1e6 / r.seconds : 0;
}

void PrintText(const DatasetResult& r, int misses) {
  const BodyScores& b = r.body;
  std::printf("%s: %zu pages, %zu rejected\n", r.name.c_str(), r.pages.size(), r.rejected);
  std::printf("  body       F1 %.4f  precision %.4f  recall %.4f  (P over %zu pages, R over %zu)\n",
              b.f1, b.precision, b.recall, b.precision_pages, b.recall_pages);
  if (r.has_metadata) {
    auto line = [&](const char* name, size_t n) {
      std::printf("  %-10s %zu/%zu = %.1f%%\n", name, n, r.pages.size(), 100 * r.Share(n));
    };
    line("title", r.title_ok);
    line("date", r.date_ok);
    line("date (day)", r.date_day_ok);
    line("authors", r.authors_ok);
  }
  std::printf("  speed      %.1f pages/s, %.2f MB/s (%.2f MB in %.3f s, 1 thread)\n",
              PagesPerSecond(r), MegabytesPerSecond(r), r.html_bytes / 1e6, r.seconds);
  if (misses <= 0) return;
  std::printf("  worst pages:\n");
  for (size_t i : WorstPages(r, static_cast<size_t>(misses))) {
    const PageResult& p = r.pages[i];
    PageHint h = Hint(p);
    std::printf("    %s  F1 %.3f  P %.3f  R %.3f  tokens ours %zu / label %zu  %s\n",
                p.page->id.c_str(), p.counts.F1(), p.counts.Precision(), p.counts.Recall(),
                h.our_tokens, h.truth_tokens, p.page->url.c_str());
    if (!p.error.empty()) std::printf("      rejected: %s\n", p.error.c_str());
    if (h.missing.total > 0) {
      std::printf("      missing %zu words, longest run %s\n", h.missing.total,
                  h.missing.longest.c_str());
    }
    if (h.extra.total > 0) {
      std::printf("      extra   %zu words, longest run %s\n", h.extra.total,
                  h.extra.longest.c_str());
    }
  }
  if (!r.has_metadata) return;
  auto field = [&](const char* name, bool PageResult::*ok, auto ours, auto label) {
    size_t wrong = 0, shown = 0;
    for (const PageResult& p : r.pages) wrong += !(p.*ok);
    if (wrong == 0) return;
    std::printf("  %s misses (%zu):\n", name, wrong);
    for (const PageResult& p : r.pages) {
      if (p.*ok) continue;
      if (shown++ == static_cast<size_t>(misses)) {
        std::printf("    … %zu more\n", wrong - misses);
        break;
      }
      std::printf("    %s\n      ours : %s\n      label: %s\n", p.page->id.c_str(), ours(p).c_str(),
                  label(p).c_str());
    }
  };
  field(
      "title", &PageResult::title_ok, [](const PageResult& p) { return p.title; },
      [](const PageResult& p) { return p.page->title; });
  field(
      "date", &PageResult::date_ok, [](const PageResult& p) { return p.published; },
      [](const PageResult& p) { return p.page->published; });
  field(
      "authors", &PageResult::authors_ok, [](const PageResult& p) { return JoinNames(p.authors); },
      [](const PageResult& p) { return JoinNames(p.page->authors); });
}

nlohmann::json ToJson(const DatasetResult& r, int misses) {
  nlohmann::json j;
  j["pages"] = r.pages.size();
  j["rejected"] = r.rejected;
  j["body"] = {{"f1", r.body.f1},
               {"precision", r.body.precision},
               {"recall", r.body.recall},
               {"precision_pages", r.body.precision_pages},
               {"recall_pages", r.body.recall_pages}};
  if (r.has_metadata) {
    auto score = [&](size_t n) { return nlohmann::json{{"correct", n}, {"share", r.Share(n)}}; };
    j["title"] = score(r.title_ok);
    j["date"] = score(r.date_ok);
    j["date_day"] = score(r.date_day_ok);
    j["authors"] = score(r.authors_ok);
  }
  j["seconds"] = r.seconds;
  j["html_bytes"] = r.html_bytes;
  j["pages_per_second"] = PagesPerSecond(r);
  j["mb_per_second"] = MegabytesPerSecond(r);
  if (misses > 0) {
    nlohmann::json worst = nlohmann::json::array();
    for (size_t i : WorstPages(r, static_cast<size_t>(misses))) {
      const PageResult& p = r.pages[i];
      PageHint h = Hint(p);
      worst.push_back({{"id", p.page->id},
                       {"url", p.page->url},
                       {"f1", p.counts.F1()},
                       {"precision", p.counts.Precision()},
                       {"recall", p.counts.Recall()},
                       {"error", p.error},
                       {"our_tokens", h.our_tokens},
                       {"label_tokens", h.truth_tokens},
                       {"missing_words", h.missing.total},
                       {"missing_longest", h.missing.longest},
                       {"extra_words", h.extra.total},
                       {"extra_longest", h.extra.longest}});
    }
    j["worst"] = std::move(worst);
    if (r.has_metadata) {
      nlohmann::json meta = nlohmann::json::array();
      for (const PageResult& p : r.pages) {
        if (!p.title_ok) {
          meta.push_back({{"id", p.page->id},
                          {"field", "title"},
                          {"ours", p.title},
                          {"label", p.page->title}});
        }
        if (!p.date_ok) {
          meta.push_back({{"id", p.page->id},
                          {"field", "date"},
                          {"ours", p.published},
                          {"label", p.page->published}});
        }
        if (!p.authors_ok) {
          meta.push_back({{"id", p.page->id},
                          {"field", "authors"},
                          {"ours", p.authors},
                          {"label", p.page->authors}});
        }
      }
      j["metadata_misses"] = std::move(meta);
    }
  }
  return j;
}

// Writes our bodies of `r` to `dir`/<data set>.json (see the file comment).
bool WritePredictions(const DatasetResult& r, const std::string& dir) {
  nlohmann::json j = nlohmann::json::object();
  for (const PageResult& p : r.pages) {
    j[p.page->id] = {{"articleBody", p.body}, {"url", p.page->url}};
  }
  const std::string path = dir + "/" + r.name + ".json";
  std::ofstream out(path, std::ios::binary);
  out << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out.flush()) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fputs(kUsage, stderr);
    return 1;
  }
  std::vector<Dataset> datasets;
  if (args.dataset != "fundus-dev") {
    datasets.push_back(LoadExtractionDev(args.shared + "/data/extraction-dev"));
  }
  if (args.dataset != "extraction-dev") {
    datasets.push_back(LoadFundusDev(args.shared + "/data/fundus-dev"));
  }
  nlohmann::json summary = nlohmann::json::object();
  bool any = false;
  for (const Dataset& d : datasets) {
    for (const std::string& e : d.errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (d.pages.empty()) {
      std::fprintf(stderr, "%s: no pages under %s\n", d.name.c_str(), args.shared.c_str());
      continue;
    }
    any = true;
    DatasetResult r = EvaluateDataset(d, ExtractOptionsForEval());
    if (!args.predictions.empty() && !WritePredictions(r, args.predictions)) return 1;
    if (args.json) {
      summary[d.name] = ToJson(r, args.misses);
    } else {
      PrintText(r, args.misses);
    }
  }
  if (args.json)
    std::printf("%s\n",
                summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return any ? 0 : 1;
}
