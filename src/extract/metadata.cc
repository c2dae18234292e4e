// ExtractMetadata: one pass over the DOM, then the title, dates, site,
// canonical URL, description and language. JSON-LD and authors are read in
// metadata_jsonld.cc and metadata_authors.cc; metadata_internal.h has what
// the three share, docs/metadata.md the sources of each field.
#include "extract/metadata.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/dates.h"
#include "extract/metadata_internal.h"
#include "html/dom.h"
#include "text/normalize.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace internal {

using html::Dom;
using html::kNoNode;
using html::NodeId;
using html::Tag;

// ---------------------------------------------------------------------------
// Small string helpers.

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Whitespace folded; invalid UTF-8 repaired first so the text module's
// preconditions hold.
std::string Fold(std::string_view s) {
  if (text::IsValidUtf8(s)) return text::CollapseWhitespace(s);
  std::string repaired;
  text::RepairUtf8(s, &repaired);
  return text::CollapseWhitespace(repaired);
}

bool HasToken(std::string_view list, std::string_view token) {
  std::string lower = AsciiLower(list);
  size_t i = 0;
  while (i < lower.size()) {
    size_t end = lower.find_first_of(" \t\n\r\f", i);
    if (end == std::string::npos) end = lower.size();
    if (std::string_view(lower).substr(i, end - i) == token) return true;
    i = end + 1;
  }
  return false;
}

bool IsInside(const Dom& dom, NodeId n, NodeId ancestor) {
  if (ancestor == kNoNode) return false;
  for (NodeId p = n; p != kNoNode; p = dom.parent(p))
    if (p == ancestor) return true;
  return false;
}

// The first non-empty value of meta `key`.
std::string_view Meta(const PageFacts& facts, std::string_view key) {
  for (const MetaTag& m : facts.metas)
    if (m.key == key && !m.value.empty()) return m.value;
  return "";
}

// ---------------------------------------------------------------------------
// URLs.

namespace {

bool HasScheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

// "https://host" of an absolute URL, or "".
std::string_view Origin(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  size_t end = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, end);
}

// The host of `url` in lower case without "www." and port.
std::string Host(std::string_view url) {
  std::string_view origin = Origin(url);
  if (origin.empty()) return "";
  std::string_view host = origin.substr(origin.find("://") + 3);
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  std::string out = AsciiLower(host);
  if (StartsWith(out, "www.")) out.erase(0, 4);
  return out;
}

// Removes "." and ".." segments from an absolute path.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(i, slash - i);
    bool last = slash == path.size();
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
      if (last) out.push_back("");
    } else if (seg == ".") {
      if (last) out.push_back("");
    } else {
      out.push_back(seg);
    }
    i = slash + 1;
  }
  std::string joined;
  for (size_t k = 0; k < out.size(); ++k) {
    if (k > 0) joined += '/';
    joined += out[k];
  }
  return joined;
}

// `ref` resolved against the absolute URL `base`; "" when it cannot be made
// an absolute http(s) URL.
std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = Fold(ref);
  if (r.empty()) return "";
  if (HasScheme(r)) {
    std::string lower = AsciiLower(r.substr(0, 8));
    return StartsWith(lower, "http://") || StartsWith(lower, "https://") ? r : "";
  }
  std::string_view origin = Origin(base);
  if (origin.empty()) return "";
  if (StartsWith(r, "//")) return std::string(origin.substr(0, origin.find(':') + 1)) + r;
  std::string_view rest = base.substr(origin.size());
  std::string_view path = rest.substr(0, rest.find_first_of("?#"));
  if (r[0] == '#') return std::string(base.substr(0, base.find('#'))) + r;
  if (r[0] == '?') return std::string(origin) + std::string(path) + r;
  std::string target;
  if (r[0] == '/') {
    target = r;
  } else {
    size_t slash = path.rfind('/');
    target = (slash == std::string_view::npos ? std::string("/")
                                              : std::string(path.substr(0, slash + 1))) +
             r;
  }
  size_t query = target.find_first_of("?#");
  std::string tail = query == std::string::npos ? "" : target.substr(query);
  return std::string(origin) + RemoveDotSegments(target.substr(0, query)) + tail;
}

}  // namespace

// A URL reduced for comparison: host without "www.", path without a
// trailing slash, no scheme, query or fragment.
std::string UrlKey(std::string_view url) {
  std::string host = Host(url);
  if (host.empty()) return "";
  std::string_view origin = Origin(url);
  std::string_view rest = url.substr(origin.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  return host + std::string(rest);
}

// ---------------------------------------------------------------------------
// Site names.

namespace {

// Case- and punctuation-insensitive key without spaces ("Der Spiegel" and
// "DER-SPIEGEL" give "derspiegel").
std::string CompactKey(std::string_view s) {
  std::string key = text::LooseKey(Fold(s));
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

SiteNames MakeSiteNames(const std::vector<std::string>& names, std::string_view host) {
  SiteNames sites;
  for (const std::string& n : names) {
    std::string key = CompactKey(n);
    if (key.size() < 2) continue;
    sites.names.push_back(Fold(n));
    sites.keys.push_back(key);
  }
  if (!host.empty()) sites.keys.push_back(CompactKey(host));
  size_t i = 0;
  while (i < host.size()) {
    size_t dot = host.find('.', i);
    if (dot == std::string_view::npos) break;  // The last label is the TLD.
    std::string label(host.substr(i, dot - i));
    static constexpr const char* kGenericLabels[] = {"www", "m",   "amp", "mobile", "news", "co",
                                                     "com", "org", "net", "gov",    "ac",   "edu"};
    if (label.size() >= 2 && !InTable(label, kGenericLabels))
      sites.keys.push_back(CompactKey(label));
    i = dot + 1;
  }
  return sites;
}

}  // namespace

// `part` names the site: its key equals a site name or host key, or, unless
// `exact`, one mostly contains the other ("DER SPIEGEL" and "spiegel").
bool IsSiteName(std::string_view part, const SiteNames& sites, bool exact) {
  if (text::CountWords(part) > 6) return false;
  std::string key = CompactKey(part);
  if (key.size() < 2) return false;
  for (const std::string& site : sites.keys) {
    if (key == site) return true;
    if (exact) continue;
    // Containment counts when the shorter is most of the longer, so that a
    // headline fragment that merely mentions the site stays.
    const std::string& shorter = key.size() < site.size() ? key : site;
    const std::string& longer = key.size() < site.size() ? site : key;
    if (shorter.size() >= 4 && shorter.size() * 2 >= longer.size() &&
        longer.find(shorter) != std::string::npos)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// One pass over the DOM collects what the readers below need.

namespace {

// A link to an author's page ("/author/jane-doe", "/autoren/name/...").
bool IsAuthorPage(std::string_view href) {
  static constexpr const char* kSegments[] = {
      "/author/",      "/authors/",      "/autor/",    "/autoren/", "/auteur/",
      "/auteurs/",     "/autore/",       "/autori/",   "/autores/", "/journalist/",
      "/journalists/", "/journalisten/", "/reporter/", "/profile/", "/profil/"};
  if (href.size() > 512) return false;
  std::string lower = AsciiLower(href);
  for (const char* seg : kSegments)
    if (lower.find(seg) != std::string::npos) return true;
  return false;
}

void PushCapped(std::vector<NodeId>* v, NodeId n) {
  if (v->size() < kMaxCandidates) v->push_back(n);
}

void VisitMeta(const Dom& dom, NodeId n, PageFacts* facts) {
  std::string_view content = dom.attr(n, "content");
  for (std::string_view key_attr : {"property", "name", "itemprop", "http-equiv"}) {
    std::string_view key = dom.attr(n, key_attr);
    if (!key.empty()) facts->metas.push_back({AsciiLower(Fold(key)), content});
  }
}

// Class or id names that mark bylines and date lines.
void VisitNames(const Dom& dom, NodeId n, PageFacts* facts) {
  std::string names = AsciiLower(dom.attr(n, "class"));
  names += ' ';
  names += AsciiLower(dom.attr(n, "id"));
  if (names.size() <= 1) return;
  // Comment threads and forms name their own authors ("comment-author").
  bool comment = names.find("comment") != std::string::npos;
  if (!comment &&
      (names.find("byline") != std::string::npos || names.find("author") != std::string::npos ||
       names.find("autor") != std::string::npos))
    PushCapped(&facts->bylines, n);
  if (names.find("date") != std::string::npos || names.find("time") != std::string::npos ||
      names.find("publish") != std::string::npos || names.find("byline") != std::string::npos)
    PushCapped(&facts->date_boxes, n);
}

void VisitScript(const Dom& dom, NodeId n, PageFacts* facts, size_t* json_bytes) {
  if (AsciiLower(dom.attr(n, "type")).find("ld+json") == std::string::npos) return;
  if (facts->json_ld.size() >= kMaxJsonLdScripts) return;
  std::string body = dom.InnerText(n);
  if (*json_bytes + body.size() > kMaxJsonLdBytes) return;
  *json_bytes += body.size();
  facts->json_ld.push_back(std::move(body));
}

// Records element `n`; returns true when its children need no visit.
bool Visit(const Dom& dom, NodeId n, PageFacts* facts, size_t* json_bytes) {
  switch (dom.tag(n)) {
    case Tag::kSvg:
    case Tag::kStyle:
    case Tag::kTemplate:
      return true;
    case Tag::kHtml:
      if (facts->html_lang.empty()) facts->html_lang = dom.attr(n, "lang");
      break;
    case Tag::kMeta:
      VisitMeta(dom, n, facts);
      break;
    case Tag::kLink:
      if (HasToken(dom.attr(n, "rel"), "canonical") && facts->canonical.empty())
        facts->canonical = dom.attr(n, "href");
      break;
    case Tag::kTitle:
      if (facts->title_tag.empty()) facts->title_tag = Fold(dom.InnerText(n));
      return true;
    case Tag::kH1:
      PushCapped(&facts->h1s, n);
      break;
    case Tag::kScript:
      VisitScript(dom, n, facts, json_bytes);
      return true;
    case Tag::kTime:
      PushCapped(&facts->times, n);
      break;
    case Tag::kArticle:
      if (facts->article == kNoNode) facts->article = n;
      break;
    case Tag::kMain:
      if (facts->main == kNoNode) facts->main = n;
      break;
    default:
      break;
  }
  if (dom.tag(n) == Tag::kA &&
      (HasToken(dom.attr(n, "rel"), "author") || IsAuthorPage(dom.attr(n, "href"))))
    PushCapped(&facts->rel_authors, n);
  std::string_view itemprop = dom.attr(n, "itemprop");
  if (!itemprop.empty() && dom.tag(n) != Tag::kMeta) {
    if (HasToken(itemprop, "author") || HasToken(itemprop, "creator"))
      PushCapped(&facts->itemprop_authors, n);
    if (HasToken(itemprop, "datepublished")) PushCapped(&facts->itemprop_dates, n);
  }
  VisitNames(dom, n, facts);
  return false;
}

PageFacts CollectFacts(const Dom& dom) {
  PageFacts facts;
  size_t json_bytes = 0;
  NodeId n = dom.root();
  while (n != kNoNode) {
    bool skip = dom.is_element(n) && Visit(dom, n, &facts, &json_bytes);
    n = dom.Next(n, dom.root(), skip);
  }
  if (facts.article == kNoNode) facts.article = facts.main;
  return facts;
}

std::string_view FirstMeta(const PageFacts& facts, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    std::string_view v = Meta(facts, key);
    if (!Fold(v).empty()) return v;
  }
  return "";
}

// ---------------------------------------------------------------------------
// The main <h1>.

// An <h1> readers do not see as the headline: hidden, for search engines
// only, or part of a breadcrumb or logo.
bool IsHiddenH1(const Dom& dom, NodeId n) {
  if (dom.has_attr(n, "hidden") || dom.attr(n, "aria-hidden") == "true") return true;
  std::string style = AsciiLower(dom.attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  std::string names = AsciiLower(dom.attr(n, "class"));
  names += ' ';
  names += AsciiLower(dom.attr(n, "id"));
  for (const char* word :
       {"seo", "breadcrumb", "sr-only", "visually-hidden", "screen-reader", "logo"})
    if (names.find(word) != std::string::npos) return true;
  return false;
}

NodeId MainH1(const Dom& dom, const PageFacts& facts) {
  NodeId first = kNoNode;
  for (NodeId n : facts.h1s) {
    if (IsHiddenH1(dom, n) || Fold(dom.InnerText(n)).empty()) continue;
    if (IsInside(dom, n, facts.article)) return n;
    if (first == kNoNode) first = n;
  }
  return first;
}

// ---------------------------------------------------------------------------
// Title.

// Separators between a headline and a site name.
constexpr const char* kTitleSeparators[] = {
    " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 ", " / ", " \u00BB ", " \u2022 "};

// A title part that only credits an author ("by Jane Doe").
bool IsAuthorCredit(std::string_view part, const std::vector<std::string>& authors) {
  std::string key = text::LooseKey(StripNameLabels(part));
  if (key.empty()) return false;
  for (const std::string& a : authors)
    if (text::LooseKey(a) == key) return true;
  return false;
}

// `title` without leading or trailing parts that name the site or credit
// the author ("Headline | Site", "Site - Headline", "Headline | Site | by Jane Doe").
std::string StripSiteName(std::string_view title, const SiteNames& sites,
                          const std::vector<std::string>& authors) {
  std::string s = Fold(title);
  auto is_furniture = [&](std::string_view part) {
    return IsSiteName(part, sites) || IsAuthorCredit(part, authors);
  };
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (const char* sep : kTitleSeparators) {
      size_t n = std::string_view(sep).size();
      size_t last = s.rfind(sep);
      if (last != std::string::npos && last > 0 && is_furniture(s.substr(last + n))) {
        s = Fold(s.substr(0, last));
        changed = true;
        break;
      }
      size_t first = s.find(sep);
      if (first != std::string::npos && first > 0 && first + n < s.size() &&
          is_furniture(s.substr(0, first))) {
        s = Fold(s.substr(first + n));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // "Headline：Site" and "Headline|Site" without spaces, common in CJK titles.
  for (const std::string& name : sites.names) {
    if (name.size() < 2 || s.size() < name.size() + 12 || !EndsWith(s, name)) continue;
    std::string_view head(s.data(), s.size() - name.size());
    for (std::string_view sep :
         {"\uFF1A", ":", "|", "\uFF5C", "-", "\u2013", "\u2014", "\u3163", "\u00B7", "/"}) {
      if (EndsWith(head, sep)) return Fold(head.substr(0, head.size() - sep.size()));
    }
  }
  return s;
}

// `shorter` ends in an ellipsis and what comes before it starts `longer`:
// a headline cut to a length limit.
bool IsTruncationOf(std::string_view shorter, std::string_view longer) {
  bool cut = false;
  for (std::string_view tail : {"\u2026", "..."}) {
    if (!cut && EndsWith(shorter, tail)) {
      shorter.remove_suffix(tail.size());
      cut = true;
    }
  }
  if (!cut) return false;
  while (!shorter.empty() && shorter.back() == ' ') shorter.remove_suffix(1);
  return shorter.size() >= 10 && shorter.size() < longer.size() && StartsWith(longer, shorter);
}

// `title` is `h1` followed by a short tail after a separator ("Headline -
// Section", "Headline – DW – 13.06.2023"): the page's own headline agrees
// with the shorter form.
bool IsH1WithTail(std::string_view title, std::string_view h1) {
  if (h1.size() < 10 || title.size() <= h1.size() || !StartsWith(title, h1)) return false;
  std::string tail = Fold(title.substr(h1.size()));
  for (std::string_view sep :
       {"|", "-", "\u2013", "\u2014", ":", "\u00B7", "/", "\u00BB", "\u2022", "\uFF1A"}) {
    if (StartsWith(tail, sep)) return text::CountWords(tail) <= 6;
  }
  return false;
}

// Open Graph first, then JSON-LD, twitter, <title>, <h1>. og:title is the
// headline a publisher picks for display and sharing; the JSON-LD headline
// is often a search-engine variant, and the two disagree on about one page
// in six. The visible <h1> wins when the choice is the <h1> plus a tail
// ("Headline - Section").
std::string FindTitle(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                      const SiteNames& sites, const std::vector<std::string>& authors,
                      NodeId h1_node) {
  std::string og = StripSiteName(Meta(facts, "og:title"), sites, authors);
  std::string headline = StripSiteName(ld.headline, sites, authors);
  std::string twitter = StripSiteName(Meta(facts, "twitter:title"), sites, authors);
  std::string tag = StripSiteName(facts.title_tag, sites, authors);
  std::string h1 = h1_node == kNoNode ? "" : Fold(dom.InnerText(h1_node));
  std::string title;
  for (const std::string* c : {&og, &headline, &twitter, &tag, &h1}) {
    if (!c->empty()) {
      title = *c;
      break;
    }
  }
  if (!headline.empty() && IsTruncationOf(title, headline)) title = headline;
  if (IsH1WithTail(title, h1)) return h1;
  if (title == tag && !h1.empty() && tag.find(h1) != std::string::npos) return h1;
  return title;
}

// ---------------------------------------------------------------------------
// Dates.

// Meta keys that carry the publication date, strongest first.
constexpr const char* kPublishedKeys[] = {"article:published_time",
                                          "og:article:published_time",
                                          "article:published:time",
                                          "article:published",
                                          "datepublished",
                                          "og:published_time",
                                          "published_time",
                                          "publishdate",
                                          "publish-date",
                                          "publish_date",
                                          "pubdate",
                                          "parsely-pub-date",
                                          "sailthru.date",
                                          "article.published",
                                          "dc.date.issued",
                                          "dcterms.issued",
                                          "dcterms.created",
                                          "dc.date",
                                          "dcterms.date",
                                          "citation_publication_date",
                                          "citation_date",
                                          "cxenseparse:recs:publishtime",
                                          "date"};

constexpr const char* kModifiedKeys[] = {"article:modified_time", "og:article:modified_time",
                                         "article:modified:time", "og:updated_time",
                                         "datemodified",          "dcterms.modified",
                                         "last-modified",         "article.updated"};

struct DateCandidate {
  DateTime date;
  bool valid = false;
};

DateCandidate ParseCandidate(std::string_view text) {
  DateCandidate c;
  c.valid = !text.empty() && ParseDateTime(text, &c.date);
  return c;
}

bool SameDay(const DateTime& a, const DateTime& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

// Takes the first candidate and lets later ones add what it lacks: a time
// for a bare day, an offset for the same local time.
std::string CombineDates(const std::vector<DateCandidate>& candidates) {
  const DateCandidate* best = nullptr;
  DateTime date;
  for (const DateCandidate& c : candidates) {
    if (!c.valid) continue;
    if (best == nullptr) {
      best = &c;
      date = c.date;
      continue;
    }
    if (!SameDay(date, c.date)) continue;
    if (date.hour < 0 && c.date.hour >= 0) {
      date = c.date;
    } else if (!date.has_offset && c.date.has_offset && date.hour == c.date.hour &&
               date.minute == c.date.minute) {
      date.has_offset = true;
      date.offset_minutes = c.date.offset_minutes;
    }
  }
  return best == nullptr ? "" : FormatDateTime(date);
}

std::string DateOfElement(const Dom& dom, NodeId n) {
  for (std::string_view attr : {"datetime", "content"}) {
    std::string_view v = dom.attr(n, attr);
    if (!v.empty()) return std::string(v);
  }
  return LineText(dom, n, 200);
}

std::string FindPublished(const Dom& dom, const PageFacts& facts, const JsonLdFacts& ld,
                          std::string_view page_url, std::string_view canonical) {
  std::vector<DateCandidate> c;
  c.push_back(ParseCandidate(ld.published));
  for (const char* key : kPublishedKeys) c.push_back(ParseCandidate(Meta(facts, key)));
  c.push_back(ParseCandidate(ld.page_published));
  for (NodeId n : facts.itemprop_dates) c.push_back(ParseCandidate(DateOfElement(dom, n)));
  // <time> marked as the publication time, then the first in the article.
  for (NodeId n : facts.times) {
    std::string cls = AsciiLower(dom.attr(n, "class"));
    if (dom.has_attr(n, "pubdate") || cls.find("publish") != std::string::npos)
      c.push_back(ParseCandidate(DateOfElement(dom, n)));
  }
  for (NodeId n : ArticleFirst(dom, facts.times, facts.article))
    c.push_back(ParseCandidate(DateOfElement(dom, n)));
  for (NodeId n : ArticleFirst(dom, facts.date_boxes, facts.article)) {
    std::string text = LineText(dom, n, 300);
    if (Fold(text).size() <= 200) c.push_back(ParseCandidate(text));
  }
  c.push_back(ParseCandidate(DateFromUrl(page_url)));
  c.push_back(ParseCandidate(DateFromUrl(canonical)));
  return CombineDates(c);
}

std::string FindModified(const PageFacts& facts, const JsonLdFacts& ld) {
  std::vector<DateCandidate> c;
  c.push_back(ParseCandidate(ld.modified));
  for (const char* key : kModifiedKeys) c.push_back(ParseCandidate(Meta(facts, key)));
  return CombineDates(c);
}

// ---------------------------------------------------------------------------
// Language.

std::string NormalizeLanguage(std::string_view raw) {
  std::string s = AsciiLower(Fold(raw));
  s = s.substr(0, s.find_first_of("-_,; "));
  static constexpr std::pair<const char*, const char*> kThreeLetter[] = {
      {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"},
      {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"nld", "nl"}, {"dut", "nl"},
      {"rus", "ru"}, {"pol", "pl"}, {"tur", "tr"}, {"jpn", "ja"}, {"kor", "ko"},
      {"zho", "zh"}, {"chi", "zh"}, {"ukr", "uk"}, {"ces", "cs"}, {"cze", "cs"}};
  for (const auto& [three, two] : kThreeLetter)
    if (s == three) return two;
  if (s.size() != 2) return "";
  for (char c : s)
    if (c < 'a' || c > 'z') return "";
  return s;
}

std::string FindLanguage(const PageFacts& facts) {
  for (std::string_view raw :
       {facts.html_lang, Meta(facts, "og:locale"), Meta(facts, "content-language"),
        Meta(facts, "language"), Meta(facts, "dc.language"), Meta(facts, "inlanguage")}) {
    std::string lang = NormalizeLanguage(raw);
    if (!lang.empty()) return lang;
  }
  return "";
}

}  // namespace
}  // namespace internal

namespace {

using html::NodeId;
using internal::CollectFacts;
using internal::FindAuthors;
using internal::FindLanguage;
using internal::FindModified;
using internal::FindPublished;
using internal::FindTitle;
using internal::FirstMeta;
using internal::Fold;
using internal::Host;
using internal::JsonLdFacts;
using internal::MainH1;
using internal::MakeSiteNames;
using internal::Meta;
using internal::PageFacts;
using internal::ReadJsonLd;
using internal::ResolveUrl;
using internal::SiteNames;
using internal::UrlKey;

}  // namespace

PageMetadata ExtractMetadata(const html::Dom& dom, std::string_view page_url) {
  PageMetadata meta;
  PageFacts facts = CollectFacts(dom);

  std::string canonical = ResolveUrl(page_url, facts.canonical);
  if (canonical.empty()) canonical = ResolveUrl(page_url, Meta(facts, "og:url"));
  meta.canonical_url = canonical;
  std::string page_key = UrlKey(canonical.empty() ? page_url : canonical);
  JsonLdFacts ld = ReadJsonLd(facts, page_key);

  std::string host = Host(page_url.empty() ? std::string_view(canonical) : page_url);
  std::string og_site = Fold(Meta(facts, "og:site_name"));
  std::string app_name = Fold(Meta(facts, "application-name"));
  std::string publisher = Fold(ld.publisher);
  for (const std::string* s : {&og_site, &publisher, &app_name, &host}) {
    if (!s->empty()) {
      meta.site = *s;
      break;
    }
  }
  SiteNames sites = MakeSiteNames({og_site, publisher, app_name}, host);

  NodeId h1 = MainH1(dom, facts);
  meta.authors = FindAuthors(dom, facts, ld, sites, h1);
  meta.title = FindTitle(dom, facts, ld, sites, meta.authors, h1);
  meta.published = FindPublished(dom, facts, ld, page_url, canonical);
  meta.modified = FindModified(facts, ld);
  meta.description =
      Fold(FirstMeta(facts, {"og:description", "description", "twitter:description"}));
  if (meta.description.empty()) meta.description = Fold(ld.description);
  meta.language = FindLanguage(facts);
  std::string image(FirstMeta(facts, {"og:image", "og:image:url", "twitter:image"}));
  if (image.empty()) image = ld.image;
  meta.image = ResolveUrl(page_url.empty() ? std::string_view(canonical) : page_url, image);
  std::string body = ld.body;
  size_t b = body.find_first_not_of(" \t\r\n");
  size_t e = body.find_last_not_of(" \t\r\n");
  meta.json_ld_body = b == std::string::npos ? "" : body.substr(b, e - b + 1);
  return meta;
}

}  // namespace rashomon::extract
