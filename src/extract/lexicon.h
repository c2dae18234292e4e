// extract/lexicon.h: the vocabulary of page furniture the line rules use.
//
// Internal to the extract module (line_rules.cc). Each list holds general
// words and phrases of page furniture in several languages (ad labels,
// widgets, teaser labels, credits, notices), never a name of an outlet.
// Lists compared with a line's loose key are case-folded; lists compared
// with its ASCII-lower-cased text say so. docs/cleaning.md describes the
// rules that use them.
#ifndef RSH_EXTRACT_LEXICON_H_
#define RSH_EXTRACT_LEXICON_H_

#include <array>
#include <string_view>

namespace rashomon::extract::internal {

inline constexpr std::array<std::string_view, 30> kAdKeys = {
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "supported by",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "article continues below",
    "story continues below",
    "scroll to continue with content",
    "advertisement scroll to continue with content",
    "reklama",
    "реклама",
    "anzeige",
    "werbung",
    "publicidad",
    "publicidade",
    "publicité",
    "pubblicità",
    "annonce",
    "advertentie",
    "reklam"};

inline constexpr std::array<std::string_view, 32> kRelatedPrefixes = {"click here",
                                                                      "read also",
                                                                      "also read",
                                                                      "read more",
                                                                      "see also",
                                                                      "related:",
                                                                      "related |",
                                                                      "related|",
                                                                      "related articles",
                                                                      "related stories",
                                                                      "related news",
                                                                      "related coverage",
                                                                      "related content",
                                                                      "related video",
                                                                      "related topics",
                                                                      "you may also like",
                                                                      "you might also like",
                                                                      "you may like",
                                                                      "recommended for you",
                                                                      "recommended stories",
                                                                      "recommended:",
                                                                      "don't miss",
                                                                      "dont miss",
                                                                      "must read",
                                                                      "also watch",
                                                                      "watch:",
                                                                      "watch |",
                                                                      "watch|",
                                                                      "also see",
                                                                      "further reading",
                                                                      "trending now",
                                                                      "editor's picks"};

// Labels that also open headings ("More from the interview").
inline constexpr std::array<std::string_view, 5> kWeakRelatedPrefixes = {
    "more from", "more on this", "more stories", "more news", "more coverage"};

// A photo caption announced as such ("Image caption, Crowds at the port").
// Teaser labels of other languages, matched on the case-folded key.
inline constexpr std::array<std::string_view, 35> kRelatedKeyPrefixes = {
    "à lire aussi",     "a lire aussi",       "lire aussi",     "lire la suite",
    "voir aussi",       "lesen sie auch",     "lesen sie mehr", "mehr zum thema",
    "auch interessant", "te puede interesar", "lee también",    "lea también",
    "leer más",         "ver también",        "читайте также",  "читайте еще",
    "по теме",          "смотрите также",     "leggi anche",    "czytaj także",
    "czytaj też",       "přečtěte si také",   "čítajte aj",     "lees ook",
    "leia também",      "leia mais",          "veja também",    "читайте також",
    "дивіться також",   "اقرأ أيضا",          "اقرأ ايضا",      "相关阅读",
    "相关新闻",         "延伸阅读",           "关联阅读"};

inline constexpr std::array<std::string_view, 4> kCaptionPrefixes = {
    "image caption", "photo caption", "caption:", "pictured:"};

inline constexpr std::array<std::string_view, 23> kCreditPrefixes = {
    "image source",   "image copyright", "picture copyright", "photo credit", "photo:",
    "photos:",        "photograph:",     "photography:",      "image:",       "image credit",
    "images:",        "picture:",        "pictures:",         "credit:",      "credits:",
    "illustration:",  "photo by ",       "photos by ",        "image by ",    "image source:",
    "image courtesy", "photo courtesy",  "video credit"};

inline constexpr std::array<std::string_view, 12> kPhotoMarkers = {"file photo",
                                                                   "file image",
                                                                   "file pic",
                                                                   "file picture",
                                                                   "representational image",
                                                                   "representational photo",
                                                                   "representational picture",
                                                                   "representative image",
                                                                   "representative photo",
                                                                   "representative picture",
                                                                   "credit:",
                                                                   "pic:"};

inline constexpr std::array<std::string_view, 166> kWidgetKeys = {"continue reading",
                                                                  "continue reading the main story",
                                                                  "listen to this story",
                                                                  "listen to the article",
                                                                  "read full article",
                                                                  "show more",
                                                                  "watch video",
                                                                  "play video",
                                                                  "video",
                                                                  "photo gallery",
                                                                  "view gallery",
                                                                  "gallery",
                                                                  "show all",
                                                                  "tags",
                                                                  "tag",
                                                                  "topics",
                                                                  "share",
                                                                  "share this",
                                                                  "share this article",
                                                                  "share this story",
                                                                  "share article",
                                                                  "share story",
                                                                  "print",
                                                                  "email",
                                                                  "e mail",
                                                                  "comments",
                                                                  "comment",
                                                                  "post a comment",
                                                                  "leave a comment",
                                                                  "add a comment",
                                                                  "leave a reply",
                                                                  "write a comment",
                                                                  "show comments",
                                                                  "view comments",
                                                                  "load comments",
                                                                  "join the conversation",
                                                                  "comments are closed",
                                                                  "subscribe",
                                                                  "sign in",
                                                                  "log in",
                                                                  "login",
                                                                  "register",
                                                                  "menu",
                                                                  "home",
                                                                  "skip to content",
                                                                  "skip to main content",
                                                                  "back to top",
                                                                  "click here",
                                                                  "copy link",
                                                                  "link copied",
                                                                  "whatsapp",
                                                                  "facebook",
                                                                  "twitter",
                                                                  "linkedin",
                                                                  "telegram",
                                                                  "pinterest",
                                                                  "reddit",
                                                                  "follow us",
                                                                  "follow",
                                                                  "listen",
                                                                  "listen to this article",
                                                                  "listen to article",
                                                                  "font size",
                                                                  "text size",
                                                                  "newer post",
                                                                  "older post",
                                                                  "next article",
                                                                  "previous article",
                                                                  "next story",
                                                                  "previous story",
                                                                  "next",
                                                                  "previous",
                                                                  "blogger comment",
                                                                  "blogger comments",
                                                                  "facebook comment",
                                                                  "facebook comments",
                                                                  "disqus comments",
                                                                  "like",
                                                                  "tweet",
                                                                  "pin it",
                                                                  "share via email",
                                                                  "most read",
                                                                  "most popular",
                                                                  "trending",
                                                                  "latest news",
                                                                  "latest stories",
                                                                  "top news",
                                                                  "loading",
                                                                  "search",
                                                                  "toggle navigation",
                                                                  "reply",
                                                                  "report abuse",
                                                                  "privacy policy",
                                                                  "terms of service",
                                                                  "terms of use",
                                                                  "cookie policy",
                                                                  "gift this article",
                                                                  "partager",
                                                                  "teilen",
                                                                  "compartir",
                                                                  "condividi",
                                                                  "поделиться",
                                                                  "suivez nous",
                                                                  "folgen sie uns",
                                                                  "síguenos",
                                                                  "imprimer",
                                                                  "drucken",
                                                                  "imprimir",
                                                                  "story continues",
                                                                  "load more",
                                                                  "next slide",
                                                                  "previous slide",
                                                                  "enlarge this image",
                                                                  "toggle caption",
                                                                  "jump to recipe",
                                                                  "print recipe",
                                                                  "pin recipe",
                                                                  "rate this recipe",
                                                                  "reuse this content",
                                                                  "most viewed",
                                                                  "support us",
                                                                  "save",
                                                                  "embed",
                                                                  "purchase licensing rights",
                                                                  "privacy dashboard",
                                                                  "key events",
                                                                  "show key events only",
                                                                  "in this article",
                                                                  "about us",
                                                                  "contact us",
                                                                  "advertise with us",
                                                                  "careers",
                                                                  "read later",
                                                                  "save for later",
                                                                  "save article",
                                                                  "get in touch",
                                                                  "terms and privacy policy",
                                                                  "terms and conditions",
                                                                  "upload pictures or video",
                                                                  "copiar enlace",
                                                                  "ir a los comentarios",
                                                                  "lee sin límites",
                                                                  "más información",
                                                                  "artikel teilen",
                                                                  "kommentare",
                                                                  "zur startseite",
                                                                  "lire plus tard",
                                                                  "offrir l article",
                                                                  "réutiliser ce contenu",
                                                                  "contribuer",
                                                                  "commentaires",
                                                                  "comentarios",
                                                                  "komentarze",
                                                                  "комментарии",
                                                                  "коментарі",
                                                                  "حفظ",
                                                                  "شارك",
                                                                  "تعليقات",
                                                                  "分享到",
                                                                  "打印本页",
                                                                  "关闭窗口",
                                                                  "纠错",
                                                                  "end of list",
                                                                  "generate key takeaways",
                                                                  "news provided by",
                                                                  "扫一扫在手机打开当前页"};

// Notes of syndication and agency input: "(With inputs from agencies)",
// "This story has not been edited by our staff and is auto-generated from a
// syndicated feed."
inline constexpr std::array<std::string_view, 3> kFeedNotices = {
    "auto-generated from a syndicated feed", "published from a syndicated feed",
    "has not been edited by"};

inline constexpr std::array<std::string_view, 6> kFeedPrefixes = {
    "disclaimer:",     "disclaimer -", "(disclaimer",
    "privacy notice:", "disclosure:",  "affiliate disclosure"};

inline constexpr std::array<std::string_view, 13> kBrowserNotices = {
    "enable javascript",
    "javascript is disabled",
    "javascript must be enabled",
    "your browser does not support",
    "update your browser",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "accept all cookies",
    "cookie settings",
    "ad blocker",
    "adblock",
    "turn on javascript"};

inline constexpr std::array<std::string_view, 16> kTimestampPrefixes = {
    "updated",       "last updated", "published",       "first published",
    "posted",        "posted on",    "last modified",   "publié le",
    "mis à jour le", "mis à jour",   "aktualisiert am", "veröffentlicht am",
    "actualizado",   "publicado",    "обновлено",       "опубликовано"};

// What opens a byline; "by " must then be followed by names.
inline constexpr std::array<std::string_view, 13> kBylinePrefixes = {
    "by ",       "written by", "reported by", "story by", "words by", "edited by", "published by",
    "posted by", "par ",       "por ",        "von ",     "di ",      "door "};

// Words that may stand lower-case in a byline ("By Ana de la Cruz and Li Wei").
inline constexpr std::array<std::string_view, 12> kBylineParticles = {
    "and", "de", "la", "del", "van", "von", "der", "da", "bin", "al", "le", "du"};

inline constexpr std::array<std::string_view, 24> kSocialWords = {
    "facebook", "twitter",   "x",         "whatsapp",  "linkedin", "email",
    "telegram", "reddit",    "pinterest", "print",     "copy",     "link",
    "share",    "instagram", "google",    "messenger", "threads",  "bluesky",
    "mastodon", "vk",        "weibo",     "wechat",    "youtube",  "tiktok"};

// "Follow us" in other languages, on the folded key.
inline constexpr std::array<std::string_view, 6> kFollowKeyPrefixes = {
    "suivez nous", "folgen sie uns", "síguenos", "seguici", "подписывайтесь", "siga nos"};

// Phrases inside a trailing parenthesis that mark a photo credit.
inline constexpr std::array<std::string_view, 21> kPhotoPhrases = {
    "photo:",   "photos:",  "image:",       "images:",      "picture:",       "pictures:",
    "photo by", "image by", "photo credit", "image credit", "photo courtesy", "image courtesy",
    "photo/",   "photos/",  "image/",       "photo)",       "photos)",        "image)",
    "images)",  "picture)", "pictures)"};

// Paywall notices, matched in the case-folded key.
inline constexpr std::array<std::string_view, 12> kPaywallPhrases = {
    "subscribers only",
    "for subscribers",
    "réservé aux abonnés",
    "reserve aux abonnes",
    "exclusivo para suscriptores",
    "suscríbete para seguir leyendo",
    "nur für abonnenten",
    "только для подписчиков",
    "тільки для передплатників",
    "subscribe to read",
    "subscribe to continue reading",
    "abonnez vous pour lire"};

// Widget labels that may carry a tail ("Listen to this article · 5 min").
// The nouns that make a line of kAdWords an ad marker.
inline constexpr std::array<std::string_view, 13> kAdNouns = {
    "advertisement", "ad",      "ads",     "publicité", "publicidad", "anuncio",       "anzeige",
    "werbung",       "реклама", "реклами", "إعلان",     "广告",       "advertisements"};

// Words of an ad marker line ("Skip Advertisement", "Article continues after
// this advertisement"): every word must be one of these.
inline constexpr std::array<std::string_view, 42> kAdWords = {"advertisement",
                                                              "advertisements",
                                                              "ad",
                                                              "ads",
                                                              "skip",
                                                              "scroll",
                                                              "continue",
                                                              "continues",
                                                              "continued",
                                                              "reading",
                                                              "below",
                                                              "story",
                                                              "article",
                                                              "after",
                                                              "this",
                                                              "to",
                                                              "with",
                                                              "content",
                                                              "report",
                                                              "the",
                                                              "of",
                                                              "page",
                                                              "la",
                                                              "suite",
                                                              "après",
                                                              "cette",
                                                              "publicité",
                                                              "continúa",
                                                              "después",
                                                              "del",
                                                              "anuncio",
                                                              "publicidad",
                                                              "weiter",
                                                              "nach",
                                                              "der",
                                                              "anzeige",
                                                              "werbung",
                                                              "далее",
                                                              "реклама",
                                                              "реклами",
                                                              "إعلان",
                                                              "广告"};

inline constexpr std::array<std::string_view, 6> kWidgetPrefixes = {
    "listen to this article", "click to share",     "already a subscriber",
    "gift this article",      "share this article", "subscribe to continue"};

inline constexpr std::array<std::string_view, 7> kListLabels = {
    "tags:", "topics:", "filed under", "categories:", "category:", "keywords:", "tagged:"};

inline constexpr std::array<std::string_view, 12> kAiTerms = {
    "ai generated",
    "ai-generated",
    "generated by ai",
    "generated using ai",
    "generated with ai",
    "ai-assisted",
    "ai assisted",
    "generated by artificial intelligence",
    "automatically generated",
    "newsroom reviewed",
    "using ai to generate",
    "ai to generate"};

inline constexpr std::array<std::string_view, 10> kDisclosureCues = {
    "this summary", "this article", "this story",  "this content", "this text",
    "this report",  "summary is",   "summary was", "summary has",  "summaries are"};

inline constexpr std::array<std::string_view, 8> kPlaceholderPhrases = {
    "lorem ipsum",    "admin panel", "biographical info", "user admin",
    "edit this text", "sample text", "placeholder text",  "dummy text"};

inline constexpr std::array<std::string_view, 17> kSummaryLabels = {
    "quick read",      "key points",    "key takeaways",
    "takeaways",       "highlights",    "story highlights",
    "in short",        "in brief",      "summary",
    "tl dr",           "tldr",          "at a glance",
    "key facts",       "short summary", "ai summary",
    "article summary", "the gist"};

inline constexpr std::array<std::string_view, 6> kBioKeys = {
    "about the author", "about the writer",  "about the reporter",
    "author bio",       "about the authors", "about author"};

inline constexpr std::array<std::string_view, 30> kPromoVerbs = {
    "discover", "find",  "stay",     "track",   "listen",   "download", "subscribe", "follow",
    "get",      "watch", "read",     "sign",    "join",     "click",    "tap",       "check",
    "explore",  "catch", "visit",    "install", "register", "enjoy",    "don",       "never",
    "keep",     "want",  "bookmark", "unlock",  "try",      "grab"};

inline constexpr std::array<std::string_view, 59> kPromoPhrases = {"latest news",
                                                                   "the latest",
                                                                   "news updates",
                                                                   "breaking news",
                                                                   "stay updated",
                                                                   "stay up to date",
                                                                   "stay up-to-date",
                                                                   "stay informed",
                                                                   "stay on top",
                                                                   "stay tuned",
                                                                   "keep up with",
                                                                   "curated for you",
                                                                   "specially curated",
                                                                   "handpicked",
                                                                   "every weekend",
                                                                   "every morning",
                                                                   "in your inbox",
                                                                   "newsletter",
                                                                   "subscribe",
                                                                   "sign up",
                                                                   "download the",
                                                                   "app store",
                                                                   "google play",
                                                                   "follow us",
                                                                   "only on",
                                                                   "live on",
                                                                   "click here",
                                                                   "for more news",
                                                                   "for the latest",
                                                                   "best of",
                                                                   "don't miss",
                                                                   "get news",
                                                                   "news alerts",
                                                                   "unlimited access",
                                                                   "free trial",
                                                                   "our website",
                                                                   "our app",
                                                                   "our channel",
                                                                   "whatsapp channel",
                                                                   "telegram channel",
                                                                   "youtube channel",
                                                                   "all the news",
                                                                   "top headlines",
                                                                   "get in touch",
                                                                   "email us",
                                                                   "news tip",
                                                                   "share your experiences",
                                                                   "contact us",
                                                                   "let us know",
                                                                   "write to us",
                                                                   "send us",
                                                                   "tip us",
                                                                   "abonnez-vous",
                                                                   "suscríbete",
                                                                   "abonnieren sie",
                                                                   "jetzt abonnieren",
                                                                   "подпишитесь",
                                                                   "підпишіться",
                                                                   "订阅"};

// Vocabulary only a pitch uses; generic words ("the latest", "best of")
// alone never remove prose.
inline constexpr std::array<std::string_view, 21> kStrongPromoCues = {
    "newsletter",  "subscribe",    "subscription",     "sign up",         "download",
    "app store",   "google play",  "in your inbox",    "channel",         "follow us",
    "news alerts", "free trial",   "unlimited access", "curated for you", "stay updated",
    "stay tuned",  "abonnez-vous", "suscríbete",       "abonnieren",      "подпишитесь",
    "підпишіться"};

// Words after which a line names a time or a date ("Updated at 5 p.m.").
inline constexpr std::array<std::string_view, 27> kDateWords = {
    "at",      "on",        "am",        "le",       "el",       "в",        "ago",
    "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
    "january", "february",  "march",     "april",    "may",      "june",     "july",
    "august",  "september", "october",   "november", "december", "yesterday"};

// Capitalised words that open a headline, never a name after "By".
inline constexpr std::array<std::string_view, 16> kNotNames = {
    "The",  "A",    "An",  "Our",  "Your", "My",    "Why", "How",
    "What", "When", "Who", "This", "That", "These", "Its", "Their"};

inline constexpr std::array<std::string_view, 16> kTlds = {
    ".com", ".org", ".net", ".in",   ".co.uk", ".io", ".tv", ".news",
    ".de",  ".fr",  ".ru",  ".info", ".biz",   ".co", ".us", ".eu"};

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_LEXICON_H_
