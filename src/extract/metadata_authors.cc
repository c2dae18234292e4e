// Authors: names from JSON-LD, meta tags, microdata, byline elements and
// author links, and the filters that keep only names; also the byline
// text reader the date finder shares. See metadata_internal.h and
// docs/metadata.md.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/metadata_internal.h"
#include "html/dom.h"
#include "text/normalize.h"

namespace rashomon::extract::internal {

using html::Dom;
using html::kNoNode;
using html::NodeId;
using html::Tag;

// ---------------------------------------------------------------------------
// Byline text.

namespace {

bool IsInlineTag(Tag tag) {
  switch (tag) {
    case Tag::kSpan:
    case Tag::kB:
    case Tag::kStrong:
    case Tag::kI:
    case Tag::kEm:
    case Tag::kU:
    case Tag::kSmall:
    case Tag::kFont:
    case Tag::kAbbr:
    case Tag::kMark:
    case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Text of `scope` with a line break at each boundary of a non-inline
// element, so that "<a>Anna</a><time>3 May</time>" reads as two lines.
// Stops after about `max_bytes`.
std::string LineText(const Dom& dom, NodeId scope, size_t max_bytes) {
  std::string out;
  NodeId n = scope;
  while (n != kNoNode && out.size() < max_bytes) {
    bool skip = false;
    if (dom.is_text(n)) {
      out += dom.text(n).substr(0, max_bytes - out.size());
    } else if (dom.is_element(n)) {
      Tag tag = dom.tag(n);
      skip = tag == Tag::kScript || tag == Tag::kStyle || tag == Tag::kSvg ||
             tag == Tag::kTemplate || tag == Tag::kNoscript;
      if (!IsInlineTag(tag)) out += kBoundary;
    }
    // Close the lines of the elements this step leaves.
    NodeId next = dom.Next(n, scope, skip);
    NodeId common = next == kNoNode ? scope : dom.parent(next);
    for (NodeId p = (skip || dom.first_child(n) == kNoNode) ? n : kNoNode;
         p != kNoNode && p != common && p != scope; p = dom.parent(p))
      if (dom.is_element(p) && !IsInlineTag(dom.tag(p))) out += kBoundary;
    n = next;
  }
  return out;
}

// Elements inside the article area first, then the rest, each in page order.
std::vector<NodeId> ArticleFirst(const Dom& dom, const std::vector<NodeId>& nodes, NodeId article) {
  std::vector<NodeId> out;
  for (NodeId n : nodes)
    if (IsInside(dom, n, article)) out.push_back(n);
  for (NodeId n : nodes)
    if (!IsInside(dom, n, article)) out.push_back(n);
  return out;
}

// ---------------------------------------------------------------------------
// Names.

namespace {

// Words that show a byline fragment is not a name.
constexpr const char* kJunkWords[] = {
    "email",     "e-mail",     "mail",        "updated",      "update",         "published",
    "read",      "min",        "mins",        "minute",       "minutes",        "follow",
    "share",     "comment",    "comments",    "aktualisiert", "veröffentlicht", "lesezeit",
    "mehr",      "more",       "view",        "profile",      "posts",          "articles",
    "subscribe", "newsletter", "photo",       "photos",       "foto",           "fotos",
    "image",     "images",     "video",       "getty",        "credit",         "copyright",
    "©",         "hours",      "ago",         "today",        "yesterday",      "click",
    "here",      "twitter",    "facebook",    "instagram",    "linkedin",       "whatsapp",
    "print",     "teilen",     "kommentare",  "artikel",      "stand",          "uhr",
    "publié",    "publicado",  "actualizado", "pubblicato",   "listen",         "audio",
    "anhören",   "sign",       "login",       "menu",         "search",         "contact",
    "about",     "über"};

// Words that name a role; a fragment made only of these is no name.
constexpr const char* kRoleWords[] = {
    "staff",        "writer",    "writers",    "reporter",  "reporters",   "correspondent",
    "editor",       "editors",   "senior",     "chief",     "contributor", "contributors",
    "contributing", "columnist", "journalist", "redakteur", "redakteurin", "author",
    "authors",      "autor",     "autorin",    "autoren",   "editorial",   "team",
    "news",         "desk",      "special",    "the",       "our",         "by",
    "and",          "von",       "und",        "de",        "par",         "por",
    "et",           "y",         "e",          "mit",       "with",        "foreign",
    "deputy",       "associate", "managing",   "executive", "producer",    "freelance",
    "guest",        "opinion",   "analyst",    "host",      "digital",     "online",
    "redaktion",    "rédaction", "redacción",  "redazione", "redactie",    "di",
    "door",         "av",        "af",         "text",      "texte",       "from",
    "in",           "a",         "an",         "political", "business",    "sports",
    "politics",     "economics", "science",    "posted",    "reports",     "report",
    "on",           "at",        "for",        "of",        "to"};

// Prefixes before names ("By", "Von", "Par", "Por", "Di", "Door", "Av",
// "Af"), "|"-separated.
constexpr std::string_view kNamePrefixes =
    "by|von|par|por|di|door|av|af|from|written by|reporting by|words by|posted by|text von|"
    "ein kommentar von|verfasst von|geschrieben von|publié par|escrito por|scritto da|"
    "geschreven door";

// Job titles that end a description of the previous name.
constexpr const char* kJobTitles[] = {
    "writer",      "reporter",      "correspondent",   "editor",       "columnist",
    "contributor", "producer",      "analyst",         "journalist",   "redakteur",
    "redakteurin", "korrespondent", "korrespondentin", "photographer", "intern"};

// Academic and professional credentials written after names.
constexpr const char* kCredentials[] = {"ms",  "ma", "mba", "md",  "phd",  "mph", "rd",
                                        "rdn", "ld", "rn",  "cpt", "cscs", "dds", "cpa",
                                        "jd",  "jr", "sr",  "msc", "bsc",  "ba",  "bs"};

// Job titles written after a name in Korean, Japanese and Chinese bylines.
constexpr std::string_view kNameTitles[] = {"\uAE30\uC790", "\uD2B9\uD30C\uC6D0", "\u8A18\u8005",
                                            "\u7279\u6D3E\u54E1", "\u8BB0\u8005"};

// Lower-cased words of `s`, split at spaces and ASCII punctuation except
// '-' and '.'.
std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> words;
  std::string key = text::LooseKey(s);
  size_t i = 0;
  while (i < key.size()) {
    size_t end = key.find(' ', i);
    if (end == std::string::npos) end = key.size();
    if (end > i) words.push_back(key.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// Space-separated parts of a name: a CJK name is one part, however many
// characters it has (text::CountWords would count each).
size_t NameParts(std::string_view s) {
  size_t parts = 0;
  bool in_part = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_part) ++parts;
    in_part = !space;
  }
  return parts;
}

bool IsJunkAuthor(std::string_view name) {
  if (name.size() < 2 || name.size() > kMaxAuthorBytes) return true;
  if (NameParts(name) > static_cast<size_t>(kMaxAuthorWords)) return true;
  if (name.find("://") != std::string_view::npos || StartsWith(name, "www.") ||
      name.find('@') != std::string_view::npos || name.find('/') != std::string_view::npos)
    return true;
  for (char c : name)
    if (c >= '0' && c <= '9') return true;
  std::vector<std::string> words = LowerWords(name);
  if (words.empty()) return true;
  bool all_roles = true;
  for (const std::string& w : words) {
    if (InTable(w, kJunkWords)) return true;
    if (!InTable(w, kRoleWords)) all_roles = false;
  }
  return all_roles;
}

}  // namespace

// Removes a leading label ("Autor:", "By", "Von") and surrounding punctuation.
std::string StripNameLabels(std::string_view raw) {
  std::string s = Fold(raw);
  // "Elena Muster (emu)": initials or a role in parentheses.
  for (size_t open = s.find('('); open != std::string::npos; open = s.find('(')) {
    size_t close = s.find(')', open);
    s = Fold(s.erase(open, close == std::string::npos ? std::string::npos : close - open + 1));
  }
  for (std::string_view title : kNameTitles) {
    if (EndsWith(s, title) && s.size() > title.size())
      s = Fold(s.substr(0, s.size() - title.size()));
  }
  for (int round = 0; round < 3; ++round) {
    size_t colon = s.find(':');
    if (colon != std::string::npos && NameParts(s.substr(0, colon)) <= 2) {
      s = Fold(s.substr(colon + 1));
      continue;
    }
    std::string lower = AsciiLower(s);
    bool stripped = false;
    for (std::string_view rest = kNamePrefixes; !rest.empty() && !stripped;) {
      std::string_view prefix = rest.substr(0, rest.find('|'));
      rest = prefix.size() < rest.size() ? rest.substr(prefix.size() + 1) : "";
      if (StartsWith(lower, prefix) && lower.size() > prefix.size() &&
          lower[prefix.size()] == ' ') {
        s = Fold(s.substr(prefix.size()));
        stripped = true;
      }
    }
    if (!stripped) break;
  }
  auto is_edge = [](char c) {
    return c == ' ' || c == '-' || c == '|' || c == ',' || c == '.' || c == ';' || c == '(' ||
           c == ')' || c == '*' || c == '"' || c == '\'';
  };
  size_t b = 0, e = s.size();
  while (b < e && is_edge(s[b])) ++b;
  // Keep a final '.' that ends an initial ("Jr.", "A.").
  while (e > b && is_edge(s[e - 1]) &&
         !(s[e - 1] == '.' && e >= 2 && s[e - 2] != ' ' &&
           (e - b <= 2 || s[e - 3] == ' ' || s[e - 3] == '.')))
    --e;
  return s.substr(b, e - b);
}

namespace {

// Splits a list of names at separators. Structured values (JSON-LD, meta)
// use list punctuation and "and"/"und"; visible bylines also use the
// conjunctions of other languages and dashes.
std::vector<std::string> SplitNames(std::string_view raw, bool free_text) {
  std::string s(raw);
  static constexpr const char* kStructured[] = {",",      ";",     "|",     " & ",   "\u2022",
                                                "\u00B7", " and ", " und ", " AND ", " UND "};
  static constexpr const char* kFreeText[] = {" et ",  " y ",   " e ", " en ",     " og ",
                                              " och ", " und ", " - ", " \u2013 ", " \u2014 ",
                                              " ET ",  " Y ",   " E "};
  auto replace_all = [&s](std::string_view from) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
      s.replace(pos, from.size(), 1, kBoundary);
      pos += 1;
    }
  };
  for (const char* sep : kStructured) replace_all(sep);
  if (free_text)
    for (const char* sep : kFreeText) replace_all(sep);
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= s.size()) {
    size_t end = s.find(kBoundary, i);
    if (end == std::string::npos) end = s.size();
    parts.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return parts;
}

// After a name in the same list, a credential ("Jane Doe, MS, RDN") or a
// job title ("Tom Doe, AP Auto Writer") describes that name.
bool DescribesPreviousName(std::string_view part) {
  std::vector<std::string> words = LowerWords(part);
  if (words.empty()) return false;
  if (words.size() == 1 && InTable(words[0], kCredentials)) return true;
  return InTable(words.back(), kJobTitles);
}

// Adds the names in `raw` to `*out` (page order, no duplicates).
void AddNames(std::string_view raw, bool free_text, std::vector<std::string>* out) {
  bool after_name = false;
  for (const std::string& part : SplitNames(raw, free_text)) {
    if (out->size() >= kMaxAuthors) return;
    std::string name = StripNameLabels(part);
    if (name.empty()) continue;
    if (IsJunkAuthor(name) || (after_name && DescribesPreviousName(name))) continue;
    after_name = true;
    std::string key = text::LooseKey(name);
    bool seen = false;
    for (const std::string& have : *out) seen = seen || text::LooseKey(have) == key;
    if (!seen) out->push_back(name);
  }
}

// The name an itemprop=author element gives: its itemprop=name descendant,
// a content attribute, or its text.
std::string ItempropName(const Dom& dom, NodeId n) {
  for (NodeId d = dom.first_child(n) == kNoNode ? kNoNode : dom.Next(n, n); d != kNoNode;
       d = dom.Next(d, n)) {
    if (dom.is_element(d) && HasToken(dom.attr(d, "itemprop"), "name")) {
      std::string_view content = dom.attr(d, "content");
      return content.empty() ? LineText(dom, d, kMaxBylineBytes) : std::string(content);
    }
  }
  std::string_view content = dom.attr(n, "content");
  return content.empty() ? LineText(dom, n, kMaxBylineBytes) : std::string(content);
}

// Meta keys that name authors.
constexpr const char* kAuthorMetaKeys[] = {"author",
                                           "article:author",
                                           "og:article:author",
                                           "parsely-author",
                                           "sailthru.author",
                                           "dc.creator",
                                           "dcterms.creator",
                                           "byl",
                                           "cxenseparse:author",
                                           "twitter:misc:written by"};

// Labels of the twitter:labelN/twitter:dataN pairs that carry the author.
constexpr const char* kWrittenByLabels[] = {"written by",      "verfasst von", "geschrieben von",
                                            "écrit par",       "escrito por",  "scritto da",
                                            "geschreven door", "skrevet av",   "autor"};

std::vector<std::string> MetaAuthors(const PageFacts& facts) {
  std::vector<std::string> names;
  for (const MetaTag& m : facts.metas) {
    if (InTable(m.key, kAuthorMetaKeys)) AddNames(m.value, /*free_text=*/false, &names);
    if (StartsWith(m.key, "twitter:label") &&
        InTable(AsciiLower(Fold(m.value)), kWrittenByLabels)) {
      std::string data_key =
          "twitter:data" + m.key.substr(std::string_view("twitter:label").size());
      AddNames(Meta(facts, data_key), /*free_text=*/false, &names);
    }
  }
  return names;
}

// The nearest ancestor of `n` that starts a microdata item.
NodeId ItemScope(const Dom& dom, NodeId n) {
  for (NodeId p = dom.parent(n); p != kNoNode; p = dom.parent(p))
    if (dom.is_element(p) && dom.has_attr(p, "itemscope")) return p;
  return kNoNode;
}

// Names from itemprop=author elements of the same item as the first one
// (other items are teasers of other articles).
std::vector<std::string> ItempropAuthors(const Dom& dom, const PageFacts& facts) {
  std::vector<std::string> names;
  std::vector<NodeId> nodes = ArticleFirst(dom, facts.itemprop_authors, facts.article);
  if (nodes.empty()) return names;
  NodeId scope = ItemScope(dom, nodes.front());
  for (NodeId n : nodes)
    if (ItemScope(dom, n) == scope) AddNames(ItempropName(dom, n), /*free_text=*/false, &names);
  return names;
}

// Names from links to author pages: the first after the headline and the
// links beside it.
std::vector<std::string> LinkAuthors(const Dom& dom, const PageFacts& facts, NodeId h1) {
  std::vector<std::string> names;
  NodeId first = kNoNode;
  for (NodeId n : facts.rel_authors) {
    bool after = h1 != kNoNode ? dom.node(n).source_offset > dom.node(h1).source_offset
                               : facts.article == kNoNode || IsInside(dom, n, facts.article);
    if (after) {
      first = n;
      break;
    }
  }
  if (first == kNoNode) return names;
  NodeId parent = dom.parent(first);
  NodeId grandparent = parent == kNoNode ? kNoNode : dom.parent(parent);
  for (NodeId n : facts.rel_authors) {
    NodeId p = dom.parent(n);
    if (n == first || p == parent || (p != kNoNode && dom.parent(p) == grandparent))
      AddNames(LineText(dom, n, kMaxBylineBytes), /*free_text=*/true, &names);
  }
  return names;
}

bool HasAncestor(const Dom& dom, NodeId n, Tag tag) {
  for (NodeId p = dom.parent(n); p != kNoNode; p = dom.parent(p))
    if (dom.is_element(p) && dom.tag(p) == tag) return true;
  return false;
}

std::vector<std::string> BylineAuthors(const Dom& dom, const PageFacts& facts) {
  std::vector<std::string> names;
  for (NodeId n : ArticleFirst(dom, facts.bylines, facts.article)) {
    if (HasAncestor(dom, n, Tag::kForm)) continue;
    std::string text = LineText(dom, n, kMaxBylineBytes);
    if (Fold(text).size() > kMaxBylineBytes / 2) continue;
    AddNames(text, /*free_text=*/true, &names);
    if (!names.empty()) break;
  }
  return names;
}

bool AllSiteNames(const std::vector<std::string>& names, const SiteNames& sites) {
  for (const std::string& n : names)
    if (!IsSiteName(n, sites, /*exact=*/true)) return false;
  return true;
}

// Every name has two words or more, or is written without spaces (CJK):
// what a byline gives for a person, not a place or an agency code.
bool LooksLikePeople(const std::vector<std::string>& names) {
  for (const std::string& n : names) {
    bool spaced = n.find(' ') != std::string::npos;
    bool ascii = std::all_of(n.begin(), n.end(), [](char c) { return (c & 0x80) == 0; });
    if (!spaced && ascii) return false;
  }
  return !names.empty();
}

// Drops the site's own name from a list that also names people.
std::vector<std::string> WithoutSiteNames(std::vector<std::string> names, const SiteNames& sites) {
  if (AllSiteNames(names, sites)) return names;
  names.erase(std::remove_if(
                  names.begin(), names.end(),
                  [&sites](const std::string& n) { return IsSiteName(n, sites, /*exact=*/true); }),
              names.end());
  return names;
}

}  // namespace

// Sources from strongest to weakest; a source that names only the site
// itself gives way to a later one that names people.
std::vector<std::string> FindAuthors(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                                     const SiteNames& sites, NodeId h1) {
  std::vector<std::vector<std::string>> sources(5);
  for (const std::string& raw : ld.authors) AddNames(raw, /*free_text=*/false, &sources[0]);
  sources[1] = MetaAuthors(facts);
  for (size_t i = 0; i < sources.size(); ++i) {
    if (i == 2) sources[2] = ItempropAuthors(dom, facts);
    if (i == 3) sources[3] = BylineAuthors(dom, facts);
    if (i == 4) sources[4] = LinkAuthors(dom, facts, h1);
    // Page elements are noisier than declared metadata: they replace a
    // site name only with names that look like people's.
    bool usable = i < 2 ? !sources[i].empty() : LooksLikePeople(sources[i]);
    if (usable && !AllSiteNames(sources[i], sites))
      return WithoutSiteNames(std::move(sources[i]), sites);
  }
  for (std::vector<std::string>& names : sources)
    if (!names.empty()) return std::move(names);
  return {};
}

}  // namespace rashomon::extract::internal
