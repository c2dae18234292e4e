#include "cli/stories_command.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "cli/cli.h"
#include "cli/command_util.h"
#include "stories/stories.h"

namespace rashomon::cli {

int RunStories(const StoriesArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<Document> docs;
  const size_t rejected =
      internal::LoadDocuments(args.paths, args.max_bytes, args.threads, err, &docs);
  std::vector<std::string> texts(docs.size());
  std::vector<stories::StoryInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    texts[i] = docs[i].ArticleText();
    inputs[i] = {docs[i].title, texts[i], docs[i].language, docs[i].published};
  }
  stories::StoryOptions options;
  options.threads = args.threads;
  stories::StoryIndex index(options);
  index.Add(inputs);

  // The central report's title, else another report's, else its first line.
  auto title_of = [&](const stories::Story& s) {
    if (!docs[s.central].title.empty()) return docs[s.central].title;
    for (size_t d : s.documents) {
      if (!docs[d].title.empty()) return docs[d].title;
    }
    const std::string& t = texts[s.central];
    return t.substr(0, std::min(t.find('\n'), size_t{120}));
  };
  if (args.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const stories::Story& s : index.Stories()) {
      nlohmann::json sources = nlohmann::json::array();
      std::set<std::string> languages;
      for (size_t d : s.documents) {
        sources.push_back(docs[d].source);
        if (!docs[d].language.empty() && docs[d].language != "und") {
          languages.insert(docs[d].language);
        }
      }
      list.push_back({{"id", s.id},
                      {"title", title_of(s)},
                      {"languages", languages},
                      {"documents", std::move(sources)}});
    }
    nlohmann::json j;
    j["documents"] = docs.size();
    j["stories"] = std::move(list);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    for (const stories::Story& s : index.Stories()) {
      out << "story " << s.id << " (" << s.documents.size() << "): " << title_of(s) << "\n";
      for (size_t d : s.documents) out << "  " << docs[d].source << "\n";
    }
    err << "rashomon: " << docs.size() << " document(s), " << index.Stories().size()
        << " stories\n";
  }
  return rejected > 0 ? kExitSomeInputsRejected : kExitOk;
}

}  // namespace rashomon::cli
