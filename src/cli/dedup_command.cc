#include "cli/dedup_command.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/cli.h"
#include "cli/command_util.h"
#include "dedup/dedup.h"

namespace rashomon::cli {
namespace {

std::string Fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

int RunDedup(const DedupArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<Document> docs;
  const size_t rejected =
      internal::LoadDocuments(args.paths, args.max_bytes, args.threads, err, &docs);
  std::vector<std::string> texts(docs.size());
  std::vector<dedup::DedupInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    texts[i] = docs[i].ArticleText();
    inputs[i] = {texts[i], docs[i].published};
  }
  dedup::DedupOptions options;
  options.threads = args.threads;
  options.jaccard_threshold = args.jaccard;
  options.containment_threshold = args.containment;
  options.method = args.method == "simhash" ? dedup::Method::kSimHash : dedup::Method::kMinHash;
  const std::vector<dedup::CopyGroup> groups = dedup::FindCopies(inputs, options);

  if (args.json) {
    nlohmann::json j;
    j["documents"] = docs.size();
    nlohmann::json list = nlohmann::json::array();
    for (const dedup::CopyGroup& g : groups) {
      nlohmann::json members = nlohmann::json::array();
      for (const dedup::CopyMember& m : g.members) {
        if (m.index == g.representative) continue;
        members.push_back({{"source", docs[m.index].source},
                           {"exact", m.exact},
                           {"jaccard", m.jaccard},
                           {"containment", m.in_representative},
                           {"contains_representative", m.contains_representative}});
      }
      list.push_back(
          {{"representative", docs[g.representative].source}, {"members", std::move(members)}});
    }
    j["groups"] = std::move(list);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    for (const dedup::CopyGroup& g : groups) {
      out << docs[g.representative].source << "\n";
      for (const dedup::CopyMember& m : g.members) {
        if (m.index == g.representative) continue;
        out << "  " << docs[m.index].source
            << (m.exact ? "  exact copy"
                        : "  jaccard " + Fixed(m.jaccard) + "  containment " +
                              Fixed(m.in_representative) + " / " + Fixed(m.contains_representative))
            << "\n";
      }
    }
    err << "rashomon: " << docs.size() << " document(s), " << groups.size() << " copy group(s)\n";
  }
  return rejected > 0 ? kExitSomeInputsRejected : kExitOk;
}

}  // namespace rashomon::cli
