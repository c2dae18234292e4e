#include "crosscheck/translation.h"

#include <algorithm>
#include <cctype>
#include <array>

#include "text/chars.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::crosscheck {
namespace {

// Function words that edited prose capitalises only at a sentence start.
constexpr std::array<std::string_view, 24> kFunctionWords = {
    "in", "at", "on", "of", "for", "to", "from", "with", "by", "as", "it", "its",
    "is", "was", "and", "or", "but", "according", "after", "before", "during", "under",
    "into", "than"};

// Languages whose own quotation marks are guillemets (outer or inner).
constexpr std::array<std::string_view, 16> kGuillemetLanguages = {
    "fr", "ru", "uk", "be", "es", "it", "pt", "ca", "el", "pl", "ro", "no", "nb",
    "sq", "hy", "fa"};

// Languages that put (no-break) spaces inside guillemets.
bool SpacesInsideGuillemets(std::string_view language) { return language == "fr"; }

struct Word {
  size_t begin, end;
};

std::vector<Word> SplitWords(std::string_view line, size_t offset) {
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t start = pos;
    char32_t cp = text::DecodeUtf8Lenient(line, &pos);
    if (text::IsWhiteSpace(cp)) continue;
    size_t end = pos;
    while (pos < line.size()) {
      size_t next = pos;
      cp = text::DecodeUtf8Lenient(line, &next);
      if (text::IsWhiteSpace(cp)) break;
      pos = end = next;
    }
    words.push_back({offset + start, offset + end});
  }
  return words;
}

// The word without surrounding quotes, brackets and punctuation.
std::string_view Core(std::string_view word) {
  auto is_edge = [](char c) {
    return std::string_view("\"'()[],.;:!?*").find(c) != std::string_view::npos;
  };
  while (!word.empty() && is_edge(word.front())) word.remove_prefix(1);
  while (!word.empty() && is_edge(word.back())) word.remove_suffix(1);
  // Curly quotes and guillemets are multi-byte: strip a leading or trailing one.
  for (std::string_view q : {"“", "”", "‘", "’", "«", "»", "„"}) {
    if (word.substr(0, q.size()) == q) word.remove_prefix(q.size());
    if (word.size() >= q.size() && word.substr(word.size() - q.size()) == q) {
      word.remove_suffix(q.size());
    }
  }
  return word;
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  size_t pos = 0;
  return text::IsUpperCaseLetter(text::DecodeUtf8Lenient(word, &pos));
}

// Whether the previous word ends a clause, after which a capital is normal.
bool EndsClause(std::string_view word) {
  if (word.empty()) return true;
  for (std::string_view end : {".", "!", "?", ":", ";", "\"", "”", "»", ")", "—", "–", "-", "•",
                               "|"}) {
    if (word.size() >= end.size() && word.substr(word.size() - end.size()) == end) return true;
  }
  return false;
}

}  // namespace

TranslationVerdict DetectMachineTranslation(std::string_view input, std::string_view language,
                                            const TranslationOptions& options) {
  std::string repaired;
  std::string_view text = input;
  if (!text::IsValidUtf8(input)) {
    text::RepairUtf8(input, &repaired);
    text = repaired;
  }
  TranslationVerdict verdict;
  size_t total_words = 0;
  size_t counts[3] = {0, 0, 0};
  std::vector<TranslationEvidence> evidence;
  auto note = [&](int kind, size_t begin, size_t end) {
    static constexpr const char* kKinds[] = {"spaced hyphen", "foreign quotes", "stray capital"};
    ++counts[kind];
    // Offsets of a repaired text may differ from the input's; the evidence
    // is only kept when they are the input's own.
    if (evidence.size() < 8 && repaired.empty()) evidence.push_back({kKinds[kind], {begin, end}});
  };
  const bool guillemet_language =
      std::find(kGuillemetLanguages.begin(), kGuillemetLanguages.end(), language) !=
      kGuillemetLanguages.end();

  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    const std::vector<Word> words = SplitWords(line, line_start);
    total_words += words.size();
    size_t capitalised = 0;
    for (const Word& w : words) capitalised += StartsUpper(Core(text.substr(w.begin, w.end - w.begin)));
    // Headlines and title-case lines capitalise most words: no stray capitals there.
    const bool running_prose = words.size() >= 6 && 2 * capitalised < words.size();
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
      const std::string_view prev =
          i == 0 ? std::string_view() : text.substr(words[i - 1].begin, words[i - 1].end - words[i - 1].begin);
      // "coast -guard": a hyphen glued to the next word after a space.
      if (i > 0 && word.size() >= 2 && word[0] == '-' && text::IsLetter(static_cast<unsigned char>(word[1])) &&
          !prev.empty() && text::IsLetter(static_cast<unsigned char>(prev.back()))) {
        note(0, words[i - 1].begin, words[i].end);
      }
      // Guillemets where the language does not use them, or spaced inside.
      if (word == "«" || word == "»") {
        if (!guillemet_language || (!SpacesInsideGuillemets(language) && word == "«")) {
          note(1, words[i].begin, words[i].end);
        }
      } else if (!guillemet_language && (word.starts_with("«") || word.ends_with("»"))) {
        note(1, words[i].begin, words[i].end);
      }
      if (!running_prose || i == 0 || EndsClause(prev)) continue;
      const std::string_view core = Core(word);
      // "In", not "IN": capitals shouted in a line of upper case are not strays.
      if (!StartsUpper(core) || core.size() < 2 ||
          !std::islower(static_cast<unsigned char>(core[1]))) {
        continue;
      }
      const std::string lower = text::FoldCase(core);
      if (std::find(kFunctionWords.begin(), kFunctionWords.end(), lower) == kFunctionWords.end()) {
        continue;
      }
      note(2, words[i - 1].begin, words[i].end);
    }
    line_start = line_end + 1;
  }
  const size_t signals = counts[0] + counts[1] + counts[2];
  const int kinds = (counts[0] > 0) + (counts[1] > 0) + (counts[2] > 0);
  verdict.signals_per_thousand_words =
      total_words == 0 ? 0 : 1000.0 * static_cast<double>(signals) / static_cast<double>(total_words);
  verdict.machine_translated = total_words >= options.min_words && kinds >= 2 &&
                               verdict.signals_per_thousand_words >= options.min_per_thousand_words;
  verdict.evidence = std::move(evidence);
  return verdict;
}

}  // namespace rashomon::crosscheck
