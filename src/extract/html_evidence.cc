#include "extract/html_evidence.h"

#include <string>

namespace rashomon::extract::internal {
namespace {

using html::Dom;
using html::NodeId;
using html::Tag;

struct Stem {
  std::string_view stem;
  Furniture furniture;
  bool strong;
};

// Matched inside a class or id word with '-' and '_' removed, so that
// "article-comments", "commentList" and "comments_area" all match.
constexpr Stem kStems[] = {
    {"comment", Furniture::kComments, true},
    {"discussion", Furniture::kComments, true},
    {"replies", Furniture::kComments, true},
    {"reactions", Furniture::kComments, true},
    {"comentari", Furniture::kComments, true},
    {"kommentar", Furniture::kComments, true},
    {"komentar", Furniture::kComments, true},
    {"disqus", Furniture::kComments, true},
    {"respond", Furniture::kComments, true},
    {"related", Furniture::kRelated, true},
    {"relacionad", Furniture::kRelated, true},
    {"recommend", Furniture::kRelated, true},
    {"outbrain", Furniture::kRelated, true},
    {"taboola", Furniture::kRelated, true},
    {"trending", Furniture::kRelated, true},
    {"mostread", Furniture::kRelated, true},
    {"mostpopular", Furniture::kRelated, true},
    {"morestories", Furniture::kRelated, true},
    {"readmore", Furniture::kRelated, true},
    {"readalso", Furniture::kRelated, true},
    {"seealso", Furniture::kRelated, true},
    {"moreon", Furniture::kRelated, false},
    {"share", Furniture::kShare, true},
    {"sharing", Furniture::kShare, true},
    {"social", Furniture::kShare, true},
    {"shariff", Furniture::kShare, true},
    {"followus", Furniture::kShare, true},
    {"newsletter", Furniture::kPromo, true},
    {"subscri", Furniture::kPromo, true},
    {"signup", Furniture::kPromo, true},
    {"donat", Furniture::kPromo, true},
    {"promo", Furniture::kPromo, true},
    {"advert", Furniture::kAd, true},
    {"publicidad", Furniture::kAd, true},
    {"werbung", Furniture::kAd, true},
    {"anzeige", Furniture::kAd, true},
    {"reklam", Furniture::kAd, true},
    {"sponsor", Furniture::kAd, true},
    {"adslot", Furniture::kAd, true},
    {"adunit", Furniture::kAd, true},
    {"adcontainer", Furniture::kAd, true},
    {"adwrapper", Furniture::kAd, true},
    {"googlead", Furniture::kAd, true},
    {"dfp", Furniture::kAd, true},
    {"cookie", Furniture::kCookie, true},
    {"consent", Furniture::kCookie, true},
    {"gdpr", Furniture::kCookie, true},
    {"authorbio", Furniture::kAuthorBio, true},
    {"aboutauthor", Furniture::kAuthorBio, true},
    {"aboutthe", Furniture::kAuthorBio, true},
    {"authorinfo", Furniture::kAuthorBio, true},
    {"authorbox", Furniture::kAuthorBio, true},
    {"breadcrumb", Furniture::kNavigation, true},
    {"pagination", Furniture::kNavigation, true},
    {"navbar", Furniture::kNavigation, true},
    {"navigation", Furniture::kNavigation, true},
    {"skiplink", Furniture::kNavigation, true},
    {"menu", Furniture::kNavigation, false},
    {"masthead", Furniture::kNavigation, false},
    {"topbar", Furniture::kNavigation, false},
    {"sidebar", Furniture::kSidebar, false},
    {"footer", Furniture::kFooter, false},
    {"copyright", Furniture::kFooter, false},
    {"taglist", Furniture::kTags, true},
    {"tagcloud", Furniture::kTags, true},
    {"keywords", Furniture::kTags, false},
    {"credit", Furniture::kCredit, true},
    {"modal", Furniture::kDialog, true},
    {"popup", Furniture::kDialog, true},
    {"overlay", Furniture::kDialog, false},
    {"toolbar", Furniture::kShare, false},
    {"byline", Furniture::kByline, true},
    {"postmeta", Furniture::kByline, true},
    {"entrymeta", Furniture::kByline, true},
    {"articlemeta", Furniture::kByline, true},
    {"storymeta", Furniture::kByline, true},
    {"authorname", Furniture::kByline, false},
    {"timestamp", Furniture::kTimestamp, false},
    {"pubdate", Furniture::kTimestamp, false},
    {"publishdate", Furniture::kTimestamp, false},
    {"publishedat", Furniture::kTimestamp, false},
    {"postdate", Furniture::kTimestamp, false},
};

// Matched as a whole hyphen- or underscore-separated token only, because
// as stems they would hit "header", "load" or "canvas".
constexpr Stem kTokens[] = {
    {"ad", Furniture::kAd, true},
    {"ads", Furniture::kAd, true},
    {"adv", Furniture::kAd, true},
    {"nav", Furniture::kNavigation, true},
    {"tags", Furniture::kTags, true},
    {"tag", Furniture::kTags, false},
    {"topics", Furniture::kTags, false},
    {"rail", Furniture::kSidebar, false},
    {"aside", Furniture::kSidebar, false},
    {"bio", Furniture::kAuthorBio, false},
    {"print", Furniture::kShare, false},
    {"tools", Furniture::kShare, false},
    {"skip", Furniture::kNavigation, true},
    {"cmp", Furniture::kCookie, true},
    {"teasers", Furniture::kRelated, false},
    {"more", Furniture::kRelated, false},
    {"author", Furniture::kByline, false},
    {"authors", Furniture::kByline, false},
    {"meta", Furniture::kByline, false},
    {"date", Furniture::kTimestamp, false},
    {"time", Furniture::kTimestamp, false},
};

constexpr std::string_view kPositiveStems[] = {"article", "content", "entry", "main",  "post",
                                               "story",   "text",    "body",  "prose", "blog"};

constexpr std::string_view kHiddenWords[] = {"hidden",           "sronly",    "visuallyhidden",
                                             "screenreadertext", "offscreen", "dnone",
                                             "invisible",        "hide"};

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Class words that name the story's taxonomy ("category-promotions",
// "tag-social-media") describe its subject, not the element's role.
constexpr std::string_view kTaxonomyPrefixes[] = {
    "category", "tag-", "tag_", "tags-", "topic", "cat-", "postid", "section-", "rubri"};

constexpr std::string_view kStatePrefixes[] = {"has-",  "has_", "with-", "no-",    "without-",
                                               "show-", "is-",  "js-",   "enable", "layout"};
constexpr std::string_view kStateSuffixes[] = {"-enabled", "-disabled", "-active", "-open",
                                               "-visible", "-closed",   "-count",  "-left",
                                               "-right",   "-loaded"};

// Applies the stems and tokens to one class or id word.
void ClassifyWord(std::string_view word, Evidence* ev) {
  if (word.size() > 80) return;
  for (std::string_view prefix : kTaxonomyPrefixes) {
    if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) return;
  }
  // State and layout modifiers ("has-sidebar", "modal-enabled",
  // "no-comments") say what a page has around the element, not what it is.
  for (std::string_view prefix : kStatePrefixes) {
    if (word.size() > prefix.size() && word.substr(0, prefix.size()) == prefix) return;
  }
  for (std::string_view suffix : kStateSuffixes) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) return;
  }
  // "social-media-embed", "embedded-post": a post quoted in the article,
  // not a share bar.
  if (Contains(word, "embed") || Contains(word, "Embed")) return;
  char joined[81];
  size_t n = 0;
  for (char c : word) {
    if (c == '-' || c == '_') continue;
    joined[n++] = Lower(c);
  }
  std::string_view j(joined, n);
  for (std::string_view h : kHiddenWords) {
    if (j == h) ev->skip = true;
  }
  if (Contains(j, "caption")) ev->caption = true;
  bool positive = false;
  for (std::string_view p : kPositiveStems) {
    if (Contains(j, p)) positive = true;
  }
  const Stem* hit = nullptr;
  for (const Stem& s : kStems) {
    // "commentary" is an opinion piece; "subscriber-content" the paid text itself.
    if ((s.stem == "comment" && Contains(j, "commentary")) ||
        (s.stem == "subscri" && Contains(j, "subscriber"))) {
      continue;
    }
    if (Contains(j, s.stem)) {
      hit = &s;
      break;
    }
  }
  if (hit == nullptr) {
    size_t start = 0;
    for (size_t i = 0; i <= word.size() && hit == nullptr; ++i) {
      if (i < word.size() && word[i] != '-' && word[i] != '_') continue;
      std::string token;
      for (size_t k = start; k < i; ++k) token.push_back(Lower(word[k]));
      start = i + 1;
      for (const Stem& s : kTokens) {
        if (token == s.stem) {
          hit = &s;
          break;
        }
      }
    }
  }
  if (hit == nullptr && positive) {
    // "article-body", "story__content", "entry-text", "postBody": the
    // element is the article's text whatever else its class says.
    const bool what = Contains(j, "article") || Contains(j, "story") || Contains(j, "entry") ||
                      Contains(j, "post") || Contains(j, "news");
    const bool part = Contains(j, "body") || Contains(j, "content") || Contains(j, "text");
    if (what && part) ev->strong_positive = true;
  }
  if (hit != nullptr) {
    // "article-footer" is furniture, "post-sidebar-wrapper" too; but a
    // weak word next to an article word ("main-menu-content"?) is kept
    // article-like.
    if (positive && !hit->strong) return;
    if (ev->furniture == Furniture::kNone || (hit->strong && !ev->strong)) {
      ev->furniture = hit->furniture;
      ev->strong = hit->strong;
    }
    return;
  }
  if (positive) ev->positive = true;
}

// A utility class that shows the element again at some screen width
// ("md:block", "sm:flex", "d-lg-block", "visible-md"): a "hidden" beside it
// hides the element on small screens only.
bool ShowsAtBreakpoint(std::string_view word) {
  constexpr std::string_view kDisplays[] = {"block", "flex", "inline", "grid", "table", "visible"};
  const bool breakpoint = word.find(':') != std::string_view::npos ||
                          (word.size() > 4 && word.substr(0, 2) == "d-") ||
                          (word.size() > 8 && word.substr(0, 8) == "visible-");
  if (!breakpoint) return false;
  for (std::string_view d : kDisplays) {
    if (word.size() >= d.size() && word.substr(word.size() - d.size()) == d) return true;
    if (word.substr(0, 8) == "visible-") return true;
  }
  return false;
}

void ClassifyAttribute(std::string_view value, Evidence* ev) {
  size_t i = 0;
  int words = 0;
  const bool skipped_before = ev->skip;
  bool shown = false;
  while (i < value.size() && words < 16) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
    size_t start = i;
    while (i < value.size() && value[i] != ' ' && value[i] != '\t' && value[i] != '\n') ++i;
    if (i > start) {
      const std::string_view word = value.substr(start, i - start);
      shown |= ShowsAtBreakpoint(word);
      ClassifyWord(word, ev);
      ++words;
    }
  }
  if (shown && !skipped_before) ev->skip = false;
}

bool IsSkippedTag(Tag tag) {
  switch (tag) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kNoscript:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kMath:
    case Tag::kIframe:
    case Tag::kObject:
    case Tag::kEmbed:
    case Tag::kCanvas:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kSelect:
    case Tag::kOption:
    case Tag::kTextarea:
    case Tag::kButton:
    case Tag::kInput:
    case Tag::kHead:
    case Tag::kTitle:
    case Tag::kMeta:
    case Tag::kLink:
    case Tag::kBase:
    case Tag::kDialog:
    case Tag::kLabel:
      return true;
    default:
      return false;
  }
}

bool StyleHides(std::string_view style) {
  if (style.empty() || style.size() > 2000) return false;
  std::string s;
  for (char c : style) {
    if (c != ' ') s.push_back(Lower(c));
  }
  return Contains(s, "display:none") || Contains(s, "visibility:hidden");
}

}  // namespace

Evidence ClassifyElement(const Dom& dom, NodeId id) {
  Evidence ev;
  const Tag tag = dom.tag(id);
  if (IsSkippedTag(tag)) {
    ev.skip = true;
    return ev;
  }
  if (dom.has_attr(id, "hidden") || dom.attr(id, "aria-hidden") == "true" ||
      StyleHides(dom.attr(id, "style"))) {
    ev.skip = true;
    return ev;
  }
  switch (tag) {
    case Tag::kNav:
    case Tag::kMenu:
      ev.furniture = Furniture::kNavigation;
      ev.strong = true;
      break;
    case Tag::kAside:
      ev.furniture = Furniture::kSidebar;
      break;
    case Tag::kFooter:
      ev.furniture = Furniture::kFooter;
      break;
    case Tag::kArticle:
    case Tag::kMain:
      ev.positive = true;
      break;
    default:
      break;
  }
  std::string_view itemprop = dom.attr(id, "itemprop");
  if (itemprop == "articleBody" || itemprop == "text" || itemprop == "reviewBody") {
    ev.positive = ev.strong_positive = true;
  }
  std::string_view role = dom.attr(id, "role");
  if (!role.empty()) {
    if (role == "navigation" || role == "menu" || role == "menubar" || role == "search") {
      ev.furniture = Furniture::kNavigation;
      ev.strong = true;
    } else if (role == "complementary") {
      ev.furniture = Furniture::kSidebar;
    } else if (role == "contentinfo") {
      ev.furniture = Furniture::kFooter;
    } else if (role == "dialog" || role == "alertdialog") {
      ev.furniture = Furniture::kDialog;
      ev.strong = true;
    } else if (role == "main" || role == "article") {
      ev.positive = true;
    }
  }
  Evidence words;
  // A custom element's name says what it is like a class does
  // ("related-stories", "amp-ad", "site-footer").
  if (tag == Tag::kOther && dom.tag_name(id).find('-') != std::string_view::npos) {
    ClassifyWord(dom.tag_name(id), &words);
  }
  ClassifyAttribute(dom.attr(id, "class"), &words);
  ClassifyAttribute(dom.attr(id, "id"), &words);
  if (words.skip) {
    ev.skip = true;
    return ev;
  }
  if (words.strong_positive) ev.positive = ev.strong_positive = true;
  if (words.caption || tag == Tag::kFigure || tag == Tag::kFigcaption) ev.caption = true;
  if (ev.strong_positive) {
    if (ev.furniture != Furniture::kNavigation) ev.furniture = Furniture::kNone;
    return ev;
  }
  if (words.furniture != Furniture::kNone && ev.furniture == Furniture::kNone) {
    ev.furniture = words.furniture;
    ev.strong = words.strong;
  }
  if (words.positive) ev.positive = true;
  return ev;
}

RemoveReason FurnitureReason(Furniture furniture) {
  switch (furniture) {
    case Furniture::kComments:
      return RemoveReason::kComments;
    case Furniture::kRelated:
      return RemoveReason::kRelatedLink;
    case Furniture::kShare:
    case Furniture::kTags:
    case Furniture::kDialog:
      return RemoveReason::kWidget;
    case Furniture::kPromo:
      return RemoveReason::kPromo;
    case Furniture::kAd:
      return RemoveReason::kAdMarker;
    case Furniture::kCookie:
      return RemoveReason::kTemplate;
    case Furniture::kAuthorBio:
      return RemoveReason::kAuthorBio;
    case Furniture::kCredit:
      return RemoveReason::kCredit;
    case Furniture::kByline:
      return RemoveReason::kByline;
    case Furniture::kTimestamp:
      return RemoveReason::kTimestamp;
    case Furniture::kNone:
    case Furniture::kNavigation:
    case Furniture::kSidebar:
    case Furniture::kFooter:
      return RemoveReason::kOutsideArticle;
  }
  return RemoveReason::kOutsideArticle;
}

std::string_view FurnitureRule(Furniture furniture) {
  switch (furniture) {
    case Furniture::kNone:
      return "html_outside_container";
    case Furniture::kNavigation:
      return "html_navigation";
    case Furniture::kSidebar:
      return "html_sidebar";
    case Furniture::kFooter:
      return "html_footer";
    case Furniture::kComments:
      return "html_comments";
    case Furniture::kRelated:
      return "html_related";
    case Furniture::kShare:
      return "html_share";
    case Furniture::kPromo:
      return "html_promo";
    case Furniture::kAd:
      return "html_ad";
    case Furniture::kCookie:
      return "html_cookie_notice";
    case Furniture::kAuthorBio:
      return "html_author_bio";
    case Furniture::kTags:
      return "html_tags";
    case Furniture::kCredit:
      return "html_credit";
    case Furniture::kDialog:
      return "html_dialog";
    case Furniture::kByline:
      return "html_byline";
    case Furniture::kTimestamp:
      return "html_date_line";
  }
  return "html_outside_container";
}

}  // namespace rashomon::extract::internal
