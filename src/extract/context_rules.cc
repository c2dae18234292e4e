#include "extract/context_rules.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "extract/line_rules.h"
#include "text/normalize.h"

namespace rashomon::extract::internal {
namespace {

// A bullet of a summary box is short.
constexpr int kMaxSummaryWords = 40;
constexpr int kMaxSummaryLines = 6;
constexpr size_t kMaxSummaryScan = 12;
// The first line is a title when it is headline-shaped.
constexpr int kMaxTitleWords = 25;
// Kept lines that may follow an author label for it to be an author box.
constexpr int kMaxAuthorBoxLines = 3;
// A line of page furniture (a menu item, a date, a topic) is short.
constexpr int kMaxFurnitureWords = 6;
// The lines at the end of a report that may be its author's bio.
constexpr size_t kMaxBioLines = 3;

bool StartsWithBullet(std::string_view t) {
  return t.starts_with("\xE2\x80\xA2") /* • */ || t.starts_with("- ") || t.starts_with("* ") ||
         t.starts_with("\xE2\x80\x93 ") /* – */;
}

// Cheap gate before the promo score: a pitch addresses the reader, names a
// site, opens with an imperative, or is short. Long third-person prose
// without a domain name cannot reach the tail threshold.
bool MayPromote(const Line& l) {
  return l.shape.words <= 60 && (l.shape.second_person || l.shape.domain_names > 0 ||
                                 l.shape.words <= 20 || internal::StartsWithPromoVerb(l.view()));
}

}  // namespace

bool IsTitleShaped(const Line& l) {
  if (l.shape.words == 0 || l.shape.words > kMaxTitleWords) return false;
  if (!l.shape.ends_sentence) return true;
  char last = l.text.back();
  return last == '?' || last == '!';
}

// Kept lines after a summary label are its bullets.
void MarkSummaryBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].hit || lines[i].hit->rule != "summary_label") continue;
    int count = 0;
    // At most kMaxSummaryScan lines are looked at, removed ones included, so
    // that a text made of labels stays linear.
    size_t end = std::min(lines.size(), i + 1 + kMaxSummaryScan);
    for (size_t j = i + 1; j < end && count < kMaxSummaryLines; ++j) {
      const Line& l = lines[j];
      Decision& d = (*ds)[j];
      if (d.removed) continue;
      if (l.shape.words > kMaxSummaryWords || internal::IsDatelineLine(l.view(), l.shape)) break;
      // A box is contiguous: a blank line ends it unless bullets go on.
      if (count > 0 && l.blank_before && !StartsWithBullet(l.text)) break;
      d.kind = BlockKind::kSummary;
      ++count;
    }
  }
}

// Slides and photos: the caption before a credit line, and credits glued
// to the end of a caption.
void MarkCaptionsAndCredits(const std::vector<Line>& lines, std::vector<Decision>* ds,
                            std::vector<RemovedLine>* cut_credits) {
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    const Line& l = lines[i];
    if (d.removed) {
      if (d.rule == "credit_line" && i > 0) {
        const Line& prev = lines[i - 1];
        Decision& pd = (*ds)[i - 1];
        if (!pd.removed && !internal::IsProse(prev.shape) && prev.shape.words <= 25) {
          pd.kind = BlockKind::kCaption;
        }
      }
      continue;
    }
    size_t cut = internal::FindTrailingCredit(l.text);
    if (cut == std::string::npos) continue;
    std::string kept = text::CollapseWhitespace(std::string_view(l.text).substr(0, cut));
    if (kept.empty()) continue;
    RemovedLine credit;
    credit.text = text::CollapseWhitespace(std::string_view(l.text).substr(cut));
    credit.reason = RemoveReason::kCredit;
    credit.rule = "trailing_credit";
    credit.line = l.line_no;
    cut_credits->push_back(std::move(credit));
    d.kept_text = std::move(kept);
    d.kind = BlockKind::kCaption;
  }
}

// "About Jane Roe" near the end, followed by little but a bio, is an
// author box; elsewhere such a line is an ordinary heading.
void ResolveAuthorBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  // kept_after[i]: kept lines after line i; one backward pass keeps this
  // linear however many labels a hostile text holds.
  std::vector<size_t> kept_after(lines.size() + 1, 0);
  for (size_t i = lines.size(); i-- > 0;) {
    kept_after[i] = kept_after[i + 1] + ((*ds)[i].removed ? 0 : 1);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    if (!d.removed || (d.rule != "author_label" && d.rule != "author_name")) continue;
    size_t after = kept_after[i + 1];
    bool in_tail = i * 5 >= lines.size() * 3;
    if (!in_tail || after > static_cast<size_t>(kMaxAuthorBoxLines)) {
      // "About the author" is a label anywhere; "About Jane Roe" mid-text is
      // a heading.
      if (d.rule == "author_name") {
        d.removed = false;
        d.rule = {};
      }
      continue;
    }
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (!(*ds)[j].removed) Remove(&(*ds)[j], RemoveReason::kAuthorBio, "author_box");
    }
    return;  // Everything after the box is removed: no later label matters.
  }
}

// Self-promotion: a high promo score anywhere, a lower one in the tail.
void RemovePromos(const CleanOptions& options, const std::vector<Line>& lines,
                  std::vector<Decision>* ds) {
  std::vector<double> scores(lines.size(), 0.0);
  size_t last_prose = 0;
  bool any_prose = false;
  int prose_with_pitch_words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*ds)[i].removed) continue;
    const Line& l = lines[i];
    scores[i] = MayPromote(l) ? internal::PromoScore(l.view(), l.shape) : 0;
    if (internal::IsProse(l.shape) && l.shape.words >= 15 && scores[i] < 2.0) {
      last_prose = i;
      any_prose = true;
    }
    // Prose that is not itself a pitch yet uses the pitch words.
    if (IsProse(l.shape) && l.shape.words >= 12 && scores[i] < 2.0 && l.shape.pitch_word) {
      ++prose_with_pitch_words;
    }
  }
  // A report about apps, subscriptions or advertising uses the pitch words
  // in its own prose; then only a line that speaks for the publisher ("our",
  // "we") or to the reader ("you") is a pitch.
  const bool about_pitches = prose_with_pitch_words >= 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    if (d.removed) continue;
    bool tail = any_prose && i > last_prose && i * 2 >= lines.size();
    double threshold = tail ? options.promo_tail_threshold : options.promo_threshold;
    const LineShape& shape = lines[i].shape;
    if (about_pitches && !shape.second_person && !shape.first_person_plural) continue;
    // A long line reads as a pitch only when it speaks for the publisher or
    // gives an address ("Download the app and you are asked for ..." is an
    // app review); in the tail a pitch word also does.
    const bool voice = shape.first_person_plural || shape.domain_names > 0;
    if (!tail && shape.words > 15 && !voice) continue;
    if (tail && shape.ends_sentence && shape.words >= 15 && !voice && !shape.pitch_word &&
        !HasPitchPhrase(lines[i].view())) {
      continue;
    }
    if (scores[i] >= threshold && internal::HasStrongPromoCue(lines[i].view(), shape)) {
      Remove(&d, RemoveReason::kPromo, tail ? "promo_tail" : "promo");
    }
  }
}

// A line printed twice is kept once, at its first place.
// (Compared by 64-bit hashes of the loose keys; a collision inside one
// document is vanishingly unlikely.)
//
// A short sentence may be said twice on purpose ("No injuries were
// reported."): it goes only when it follows its first copy directly, or its
// first copy is the title or standfirst. Headlines, headings and sentences of
// 10 words or more go wherever they are printed again.
void RemoveRepeats(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  struct First {
    size_t kept_position;  // Kept lines before the first copy.
  };
  std::unordered_map<uint64_t, First> seen;
  std::hash<std::string_view> hasher;
  size_t kept = 0;
  size_t last_kept_hash_position = SIZE_MAX;
  uint64_t last_kept_hash = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    const LineShape& shape = lines[i].shape;
    if (d.removed) continue;
    // Labels ("Q:", "Pros:") and very short lines repeat by nature.
    if (shape.words < 4 || shape.ends_colon) {
      ++kept;
      continue;
    }
    uint64_t h = d.kept_text.empty() ? lines[i].hash : hasher(text::LooseKey(d.kept_text));
    auto [it, inserted] = seen.try_emplace(h, First{kept});
    if (!inserted) {
      bool adjacent = last_kept_hash == h && last_kept_hash_position + 1 == kept;
      // The headline or standfirst printed again at the top, or a long
      // sentence again anywhere; a refrain or a chorus line stays.
      bool strong = (shape.ends_sentence && shape.words >= 10) || it->second.kept_position < 3;
      if (adjacent || strong) {
        Remove(&d, RemoveReason::kRepeat, "in_document");
        continue;
      }
    }
    last_kept_hash = h;
    last_kept_hash_position = kept;
    ++kept;
  }
}

void RemoveAuthorSentences(const std::vector<std::string>& authors, const std::vector<Line>& lines,
                           std::vector<Decision>* ds) {
  if (authors.empty()) return;
  size_t seen = 0;
  for (size_t i = lines.size(); i-- > 0 && seen < kMaxBioLines;) {
    if ((*ds)[i].removed) continue;
    ++seen;
    const std::string& text = lines[i].text;
    for (const std::string& author : authors) {
      if (author.size() < 4 || !text.starts_with(author)) continue;
      std::string_view rest = std::string_view(text).substr(author.size());
      for (std::string_view verb :
           {" is ", " was ", " has ", " covers ", " writes ", " reports "}) {
        if (rest.starts_with(verb)) Remove(&(*ds)[i], RemoveReason::kAuthorBio, "author_sentence");
      }
    }
  }
}

void RestoreInnerLabels(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  const size_t n = lines.size();
  auto restorable = [&](size_t i) {
    const Decision& d = (*ds)[i];
    if (!d.removed) return false;
    return (d.reason == RemoveReason::kByline && d.rule == "byline") ||
           (d.rule == "ui_label" && lines[i].shape.words == 1) || d.rule == "related_teaser" ||
           d.rule == "meta_label" || d.rule == "cross_document";
  };
  // The first line of the text, if it is a teaser-shaped line, is the
  // headline ("Click here to lose £4,000: inside the fake parcel texts").
  for (size_t i = 0; i < n; ++i) {
    if (!(*ds)[i].removed) break;
    if ((*ds)[i].rule == "related_teaser") {
      (*ds)[i].removed = false;
      (*ds)[i].rule = {};
      break;
    }
  }
  // Inside the article: both neighbours are kept prose-bearing lines.
  size_t first_body = n, last_body = n;
  for (size_t i = 0; i < n; ++i) {
    if ((*ds)[i].removed || !IsProse(lines[i].shape)) continue;
    if (first_body == n) first_body = i;
    last_body = i;
  }
  // After the first three kept lines (title, standfirst, first paragraph), with
  // article prose on both sides.
  size_t kept = 0, start = n;
  for (size_t i = 0; i < n && start == n; ++i) {
    if (!(*ds)[i].removed && ++kept == 3) start = i;
  }
  auto prose = [&](size_t j) { return !(*ds)[j].removed && IsProse(lines[j].shape); };
  for (size_t i = std::max(first_body, start) + 1; first_body < n && i < last_body; ++i) {
    if (!restorable(i) || !prose(i - 1) || !prose(i + 1)) continue;
    (*ds)[i].removed = false;
    (*ds)[i].rule = {};
  }
}

size_t ChooseTitle(const std::vector<Line>& lines, const std::vector<Decision>& ds,
                   const std::string& given_key) {
  size_t first_kept = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (ds[i].removed) continue;
    const Line& l = lines[i];
    if (first_kept == lines.size()) first_kept = i;
    if (!given_key.empty() && l.key == given_key) return i;
    if (IsProse(l.shape) && l.shape.words >= 12) break;  // The text has begun.
    if (ds[i].kind || IsDatelineLine(l.view(), l.shape)) continue;
    if (IsTitleShaped(l) && l.shape.words >= 3) return i;
  }
  if (first_kept < lines.size() && !ds[first_kept].kind &&
      !IsDatelineLine(lines[first_kept].view(), lines[first_kept].shape) &&
      IsTitleShaped(lines[first_kept])) {
    return first_kept;
  }
  return lines.size();
}

namespace {

// Short, no sentence, not already given a kind, not a dateline.
bool IsFurnitureShaped(const Line& l, const Decision& d) {
  if (d.removed || d.kind || l.shape.words > kMaxFurnitureWords || l.shape.ends_sentence) {
    return false;
  }
  // Verse and fragments of text ("colder the men who stay,") are no menu.
  const char first = l.text.front(), last = l.text.back();
  if (last == ',' || last == ';' || (first >= 'a' && first <= 'z')) return false;
  return !IsDatelineLine(l.view(), l.shape);
}

// Items of a list, a timeline or a fact box, and sign-offs: "• Speed limit
// falls", "2019 – Contract renewed", "March 2024: ...", "Cost: £5",
// "— Jane Roe, Lisbon".
bool IsListOrSignOff(const Line& l) {
  std::string_view t = l.text;
  if (t.empty()) return false;
  if (t.starts_with("\xE2\x80\xA2") || t.starts_with("- ") || t.starts_with("* ") ||
      t.starts_with("\xE2\x80\x94") || t.starts_with("\xE2\x80\x93") || t.starts_with("\xC2\xB7")) {
    return true;
  }
  // "2009 – Contract renewed ...", "3. Orbit S": a timeline or a numbered
  // item says something; "3 days ago" is only a date.
  if (t.front() >= '0' && t.front() <= '9') {
    return l.shape.words >= 4 && !LooksLikeDate(l.view());
  }
  // "Label: value" with a short label.
  size_t colon = t.find(':');
  return colon != std::string_view::npos && colon > 0 && colon <= 20 && colon + 2 < t.size();
}

// Marks a furniture line with the most telling reason.
void RemoveFurniture(const Line& l, Decision* d) {
  if (LooksLikeDate(l.view())) {
    Remove(d, RemoveReason::kTimestamp, "date_line");
  } else {
    Remove(d, RemoveReason::kWidget, "page_furniture");
  }
}

}  // namespace

void RemovePageFurniture(const std::vector<Line>& lines, size_t title, std::vector<Decision>* ds) {
  const size_t n = lines.size();
  // The first and last paragraphs of prose bound the article.
  // The line after the title is the standfirst's place: metadata may
  // follow it, so the text begins at the next paragraph.
  size_t standfirst = n;
  for (size_t i = title + 1; title < n && i < n; ++i) {
    if (!(*ds)[i].removed) {
      standfirst = i;
      break;
    }
  }
  size_t first_body = n, last_body = n;
  for (size_t i = 0; i < n; ++i) {
    const Line& l = lines[i];
    if ((*ds)[i].removed || !IsProse(l.shape) || l.text.back() == '?') continue;
    if (first_body == n && l.shape.words >= 12 && i != standfirst) first_body = i;
    last_body = i;
  }
  if (first_body == n) return;  // No article prose: leave the page alone.
  // The head: before the first paragraph, apart from the title. Before the
  // title every short line is a menu item; after it, a date, or a run of two
  // or more short lines (a byline, a date, "Save", "Share"), while a lone
  // short line may be an intertitle.
  std::vector<bool> shaped(first_body, false);
  for (size_t i = 0; i < first_body; ++i) {
    // The standfirst's place holds a standfirst unless it holds a date.
    shaped[i] = i != title && (i != standfirst || LooksLikeDate(lines[i].view())) &&
                IsFurnitureShaped(lines[i], (*ds)[i]);
    // A line run on, without a blank line, from kept text that is not
    // furniture continues that text ("Two red cards / One saved penalty").
    if (shaped[i] && i > 0 && !lines[i].blank_before && !(*ds)[i - 1].removed && !shaped[i - 1] &&
        i - 1 != title && !LooksLikeDate(lines[i].view())) {
      shaped[i] = false;
    }
  }
  for (size_t i = 0; i < first_body; ++i) {
    if (!shaped[i]) continue;
    bool in_run = (i > 0 && shaped[i - 1]) || (i + 1 < first_body && shaped[i + 1]);
    bool before_title = title < n && i < title;
    if (before_title || in_run || LooksLikeDate(lines[i].view())) {
      RemoveFurniture(lines[i], &(*ds)[i]);
    }
  }
  // The tail: after the last paragraph, in the second half of the page.
  if (last_body * 2 < n) return;
  // Evidence of page furniture: teasers, widgets, promos, templates. An ad
  // marker or a photo credit also stands inside articles.
  size_t tail_removed = 0;
  for (size_t i = last_body + 1; i < n; ++i) {
    const Decision& d = (*ds)[i];
    tail_removed += d.removed && d.reason != RemoveReason::kAdMarker &&
                    d.reason != RemoveReason::kCredit && d.reason != RemoveReason::kCaption;
  }
  // Other furniture must stand there too (a "Read more", a share bar, a
  // promo): a list or a fact box closing an article has none.
  if (tail_removed == 0) return;
  std::set<size_t> protected_heading;
  size_t first_after_body = last_body + 1;
  while (first_after_body < n && (*ds)[first_after_body].removed) ++first_after_body;
  // A heading above a list or a timeline belongs to it.
  for (size_t i = last_body + 1; i + 1 < n; ++i) {
    if (!(*ds)[i].removed && IsListOrSignOff(lines[i + 1])) protected_heading.insert(i);
  }
  for (size_t i = last_body + 1; i < n; ++i) {
    const Line& l = lines[i];
    Decision& d = (*ds)[i];
    if (protected_heading.count(i) != 0) continue;
    // A teaser or a link reads as a headline or a question; a sentence
    // ending in a full stop (in any script), a quotation or a reported line
    // closes the article and stays.
    bool sentence = l.shape.ends_sentence && l.text.back() != '?';
    bool teaser = !sentence && !l.shape.reports && !l.shape.opens_with_quote &&
                  l.shape.words <= 15 && !IsListOrSignOff(l);
    // A question right after the last paragraph closes the article.
    if (i == first_after_body && !l.text.empty() && l.text.back() == '?') teaser = false;
    if (!d.removed && !d.kind && teaser) RemoveFurniture(l, &d);
  }
}

}  // namespace rashomon::extract::internal
