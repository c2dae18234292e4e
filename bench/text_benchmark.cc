// Google Benchmark of the text module on fixed, generated news-like text:
// UTF-8 repair, NFC, loose keys, white space, tokens, sentences, language.
// Items are documents (or calls, for DetectLanguage); bytes are input bytes.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon {
namespace {

constexpr int kDocs = 64;             // Documents per corpus.
constexpr int kSentencesPerDoc = 30;  // About 3 KB per document.
constexpr int kSentencesPerParagraph = 4;

template <size_t N>
const char* Pick(const char* const (&pool)[N], std::mt19937* rng) {
  return pool[std::uniform_int_distribution<size_t>(0, N - 1)(*rng)];
}

// One invented English sentence: ASCII, no abbreviations, ends with '.'.
// Pieces are separated by single spaces and each piece with a letter or
// digit is exactly one token ("1,200", "3.5", "didn't").
std::string EnglishSentence(std::mt19937* rng) {
  static const char* const kSubjects[] = {
      "The harbour authority", "The city council",      "Local fishermen", "The regional governor",
      "Two ferry operators",   "The weather service",   "Rescue teams",    "The port director",
      "Several residents",     "The transport ministry"};
  static const char* const kVerbs[] = {"said",      "reported",  "warned",
                                       "confirmed", "announced", "estimated"};
  static const char* const kClauses[] = {
      "that the northern pier would stay closed",
      "that 1,200 tonnes of grain were still waiting on the quay",
      "that repairs to the breakwater could take 3.5 weeks",
      "that the coastal road didn't flood overnight",
      "that a second storm was moving east along the shore",
      "that cargo volumes fell by 12 percent in the spring",
      "that the night ferry would resume service soon",
      "that inspectors found fresh damage to the old lighthouse"};
  static const char* const kTails[] = {
      "on Tuesday",           "after the storm",       "late in the evening", "before the meeting",
      "in a brief statement", "during the inspection", "earlier this week"};
  std::string s = Pick(kSubjects, rng);
  s += ' ';
  s += Pick(kVerbs, rng);
  s += ' ';
  s += Pick(kClauses, rng);
  s += ' ';
  s += Pick(kTails, rng);
  s += '.';
  return s;
}

// One invented German sentence (UTF-8: umlauts and ß).
std::string GermanSentence(std::mt19937* rng) {
  static const char* const kSubjects[] = {"Die Hafenbeh\u00f6rde",   "Der Stadtrat",
                                          "Mehrere Fischer",         "Der Wetterdienst",
                                          "Die Rettungskr\u00e4fte", "Das Verkehrsministerium",
                                          "Einige Anwohner",         "Der B\u00fcrgermeister"};
  static const char* const kVerbs[] = {
      "teilte am Dienstag mit,", "erkl\u00e4rte nach der Sitzung,", "warnte am Abend,",
      "best\u00e4tigte in einer kurzen Mitteilung,", "berichtete w\u00e4hrend der Pr\u00fcfung,"};
  static const char* const kClauses[] = {
      "dass die n\u00f6rdliche Mole vorerst geschlossen bleibt",
      "dass die Reparatur der Stra\u00dfe mehrere Wochen dauern k\u00f6nnte",
      "dass ein zweiter Sturm \u00fcber die K\u00fcste zieht",
      "dass die F\u00e4hre ab Freitag wieder regelm\u00e4\u00dfig f\u00e4hrt",
      "dass die Sch\u00e4den gr\u00f6\u00dfer sind als zun\u00e4chst angenommen",
      "dass die Fischer ihre Boote fr\u00fcher zur\u00fcckholen m\u00fcssen",
      "dass die Stra\u00dfen am Hafen in der Nacht \u00fcberflutet wurden"};
  std::string s = Pick(kSubjects, rng);
  s += ' ';
  s += Pick(kVerbs, rng);
  s += ' ';
  s += Pick(kClauses, rng);
  s += '.';
  return s;
}

struct Corpus {
  std::vector<std::string> docs;
  std::vector<size_t> sentences;  // Sentences per document.
  size_t bytes = 0;
};

// kDocs English articles: sentences separated by spaces, paragraphs by a
// blank line.
Corpus EnglishCorpus() {
  std::mt19937 rng(42);
  Corpus c;
  for (int d = 0; d < kDocs; ++d) {
    std::string doc;
    for (int s = 0; s < kSentencesPerDoc; ++s) {
      if (s > 0) doc += s % kSentencesPerParagraph == 0 ? "\n\n" : " ";
      doc += EnglishSentence(&rng);
    }
    c.bytes += doc.size();
    c.docs.push_back(std::move(doc));
    c.sentences.push_back(kSentencesPerDoc);
  }
  return c;
}

void Finish(benchmark::State& state, size_t bytes, size_t items) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items));
}

// --- UTF-8 repair ---------------------------------------------------------

void BM_RepairUtf8_Ascii(benchmark::State& state) {
  const Corpus c = EnglishCorpus();
  for (const std::string& doc : c.docs) {
    std::string out;
    if (text::RepairUtf8(doc, &out) != 0 || out != doc) {
      state.SkipWithError("valid ASCII was changed");
      return;
    }
  }
  std::string out;
  for (auto _ : state) {
    for (const std::string& doc : c.docs) {
      out.clear();
      benchmark::DoNotOptimize(text::RepairUtf8(doc, &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, c.bytes, c.docs.size());
}
BENCHMARK(BM_RepairUtf8_Ascii);

void BM_RepairUtf8_Mixed(benchmark::State& state) {
  // English with valid multi-byte characters and, after about one sentence
  // in four, an invalid sequence: lone bytes that no sequence starts with,
  // a stray continuation byte, a truncated 3-byte sequence (one maximal
  // subpart of 2 bytes) or an encoded surrogate (3 subparts of 1 byte).
  struct Bad {
    const char* bytes;
    size_t invalid;       // Bytes RepairUtf8 counts as invalid.
    size_t replacements;  // U+FFFD written for them.
  };
  static const Bad kBad[] = {{"\xff", 1, 1},     {"\xc0", 1, 1},         {"\x80", 1, 1},
                             {"\xe2\x80", 2, 1}, {"\xed\xa0\x80", 3, 3}, {"\xfe", 1, 1}};
  static const char* const kValid[] = {" \u2014 caf\u00e9 owners agreed.",
                                       " \u201cWe will rebuild,\u201d one said.",
                                       " The fare is 4\u00a0\u20ac."};
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> quarter(0, 3);
  std::vector<std::string> docs;
  size_t bytes = 0, expected_invalid = 0, expected_out = 0;
  for (int d = 0; d < kDocs; ++d) {
    std::string doc;
    for (int s = 0; s < kSentencesPerDoc; ++s) {
      if (s > 0) doc += ' ';
      doc += EnglishSentence(&rng);
      if (quarter(rng) == 0) doc += Pick(kValid, &rng);
      if (quarter(rng) == 0) {
        const Bad& b = kBad[std::uniform_int_distribution<size_t>(0, 5)(rng)];
        doc += ' ';
        doc += b.bytes;
        expected_invalid += b.invalid;
        expected_out += 3 * b.replacements - b.invalid;
      }
    }
    bytes += doc.size();
    docs.push_back(std::move(doc));
  }
  expected_out += bytes;
  {
    size_t invalid = 0, out_bytes = 0;
    for (const std::string& doc : docs) {
      std::string out;
      invalid += text::RepairUtf8(doc, &out);
      out_bytes += out.size();
      if (!text::IsValidUtf8(out)) {
        state.SkipWithError("repaired text is not valid UTF-8");
        return;
      }
    }
    if (expected_invalid == 0 || invalid != expected_invalid || out_bytes != expected_out) {
      state.SkipWithError("unexpected count of invalid bytes");
      return;
    }
  }
  std::string out;
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      out.clear();
      benchmark::DoNotOptimize(text::RepairUtf8(doc, &out));
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, bytes, docs.size());
}
BENCHMARK(BM_RepairUtf8_Mixed);

// --- Normalisation ----------------------------------------------------------

void BM_NormalizeNfc_Ascii(benchmark::State& state) {
  const Corpus c = EnglishCorpus();
  for (const std::string& doc : c.docs) {
    if (text::NormalizeNfc(doc) != doc) {
      state.SkipWithError("NFC changed ASCII text");
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& doc : c.docs) {
      std::string out = text::NormalizeNfc(doc);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, c.bytes, c.docs.size());
}
BENCHMARK(BM_NormalizeNfc_Ascii);

void BM_NormalizeNfc_Decomposed(benchmark::State& state) {
  // English with, in about one sentence in two, a name or loan word written
  // with combining marks (NFD); `expected` holds the precomposed form.
  struct Word {
    const char* nfd;
    const char* nfc;
  };
  static const Word kWords[] = {{"cafe\u0301", "caf\u00e9"},
                                {"nai\u0308ve", "na\u00efve"},
                                {"re\u0301sume\u0301", "r\u00e9sum\u00e9"},
                                {"Zu\u0308rich", "Z\u00fcrich"},
                                {"A\u030angstro\u0308m", "\u00c5ngstr\u00f6m"},
                                {"Malmo\u0308", "Malm\u00f6"},
                                {"Sa\u0303o Paulo", "S\u00e3o Paulo"},
                                {"Kos\u030cice", "Ko\u0161ice"}};
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> half(0, 1);
  std::vector<std::string> docs, expected;
  size_t bytes = 0;
  for (int d = 0; d < kDocs; ++d) {
    std::string doc, want;
    for (int s = 0; s < kSentencesPerDoc; ++s) {
      if (s > 0) {
        doc += ' ';
        want += ' ';
      }
      const std::string sentence = EnglishSentence(&rng);
      doc += sentence;
      want += sentence;
      if (half(rng) == 0) {
        const Word& w = kWords[std::uniform_int_distribution<size_t>(0, 7)(rng)];
        doc += std::string(" Visitors from ") + w.nfd + " watched.";
        want += std::string(" Visitors from ") + w.nfc + " watched.";
      }
    }
    bytes += doc.size();
    docs.push_back(std::move(doc));
    expected.push_back(std::move(want));
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i] == expected[i] || text::NormalizeNfc(docs[i]) != expected[i]) {
      state.SkipWithError("unexpected NFC result");
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      std::string out = text::NormalizeNfc(doc);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, bytes, docs.size());
}
BENCHMARK(BM_NormalizeNfc_Decomposed);

// What LooseKey gives for ASCII text: letters and digits lower-cased, every
// run of anything else one space, trimmed.
std::string AsciiLooseKey(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending && !out.empty()) out += ' ';
      pending = false;
      out += upper ? static_cast<char>(c | 0x20) : c;
    } else {
      pending = true;
    }
  }
  return out;
}

void BM_LooseKey_English(benchmark::State& state) {
  // LooseKey runs per line, so the input is the corpus's lines.
  const Corpus c = EnglishCorpus();
  std::vector<std::string> lines;
  for (const std::string& doc : c.docs) {
    size_t begin = 0;
    while (begin <= doc.size()) {
      size_t end = doc.find('\n', begin);
      if (end == std::string::npos) end = doc.size();
      if (end > begin) lines.push_back(doc.substr(begin, end - begin));
      begin = end + 1;
    }
  }
  size_t bytes = 0;
  for (const std::string& line : lines) {
    bytes += line.size();
    if (text::LooseKey(line) != AsciiLooseKey(line)) {
      state.SkipWithError("unexpected loose key");
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& line : lines) {
      std::string key = text::LooseKey(line);
      benchmark::DoNotOptimize(key.data());
    }
  }
  // Items are the documents the lines came from.
  Finish(state, bytes, c.docs.size());
}
BENCHMARK(BM_LooseKey_English);

void BM_CollapseWhitespace_English(benchmark::State& state) {
  // The words of the English corpus joined by runs of ASCII and Unicode
  // white space, with some at both ends; `expected` joins them by one space.
  static const char* const kRuns[] = {" ",        " ",      " ",  "  ",     "\t",
                                      " \u00a0 ", "\u2009", "\n", "\u3000", " \r\n "};
  const Corpus c = EnglishCorpus();
  std::mt19937 rng(5);
  std::vector<std::string> docs, expected;
  size_t bytes = 0;
  for (const std::string& source : c.docs) {
    std::string doc = " \t", want;
    size_t begin = 0;
    while (begin < source.size()) {
      size_t end = source.find_first_of(" \n", begin);
      if (end == std::string::npos) end = source.size();
      if (end > begin) {
        if (!want.empty()) {
          want += ' ';
          doc += Pick(kRuns, &rng);
        }
        want.append(source, begin, end - begin);
        doc.append(source, begin, end - begin);
      }
      begin = end + 1;
    }
    doc += "\u00a0 \n";
    bytes += doc.size();
    docs.push_back(std::move(doc));
    expected.push_back(std::move(want));
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    if (text::CollapseWhitespace(docs[i]) != expected[i]) {
      state.SkipWithError("unexpected collapsed text");
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& doc : docs) {
      std::string out = text::CollapseWhitespace(doc);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, bytes, docs.size());
}
BENCHMARK(BM_CollapseWhitespace_English);

// --- Tokens and sentences ---------------------------------------------------

void BM_Tokenize_English(benchmark::State& state) {
  const Corpus c = EnglishCorpus();
  // Every white-space separated piece with a letter or digit is one token
  // (see EnglishSentence); it is a number when it starts with a digit.
  size_t want_tokens = 0, want_numbers = 0;
  for (const std::string& doc : c.docs) {
    bool in_piece = false, has_alnum = false;
    for (size_t i = 0; i <= doc.size(); ++i) {
      const char ch = i < doc.size() ? doc[i] : ' ';
      if (ch == ' ' || ch == '\n') {
        if (in_piece && has_alnum) ++want_tokens;
        in_piece = has_alnum = false;
        continue;
      }
      const bool digit = ch >= '0' && ch <= '9';
      if (!in_piece && digit) ++want_numbers;
      in_piece = true;
      has_alnum = has_alnum || digit || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
  }
  size_t tokens = 0, numbers = 0;
  for (const std::string& doc : c.docs) {
    for (const text::Token& t : text::Tokenize(doc)) {
      ++tokens;
      if (t.kind == text::TokenKind::kNumber) ++numbers;
    }
  }
  if (want_numbers == 0 || tokens != want_tokens || numbers != want_numbers) {
    state.SkipWithError("unexpected token count");
    return;
  }
  for (auto _ : state) {
    for (const std::string& doc : c.docs) {
      std::vector<text::Token> out = text::Tokenize(doc);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, c.bytes, c.docs.size());
}
BENCHMARK(BM_Tokenize_English);

void BM_SentenceSplit_English(benchmark::State& state) {
  const Corpus c = EnglishCorpus();
  text::SentenceSplitter splitter;  // Reused, as the pipeline does.
  for (size_t i = 0; i < c.docs.size(); ++i) {
    if (splitter.Split(c.docs[i]).size() != c.sentences[i]) {
      state.SkipWithError("unexpected sentence count");
      return;
    }
  }
  for (auto _ : state) {
    for (const std::string& doc : c.docs) {
      std::vector<text::Span> out = splitter.Split(doc);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Finish(state, c.bytes, c.docs.size());
}
BENCHMARK(BM_SentenceSplit_English);

// --- Language ---------------------------------------------------------------

// Whole sentences from `make` up to 3,000 bytes: the 3 KB DetectLanguage reads.
template <typename F>
std::string ThreeKb(uint32_t seed, F make) {
  std::mt19937 rng(seed);
  std::string text;
  for (;;) {
    std::string s = make(&rng);
    if (text.size() + 1 + s.size() > 3000) return text;
    if (!text.empty()) text += ' ';
    text += s;
  }
}

void DetectLanguageBenchmark(benchmark::State& state, const std::string& input, const char* code) {
  if (text::DetectLanguage(input).code != code) {
    state.SkipWithError("wrong language");
    return;
  }
  for (auto _ : state) {
    text::LanguageGuess guess = text::DetectLanguage(input);
    benchmark::DoNotOptimize(guess.confidence);
  }
  Finish(state, input.size(), 1);
}

void BM_DetectLanguage_English(benchmark::State& state) {
  DetectLanguageBenchmark(state, ThreeKb(3, EnglishSentence), "en");
}
BENCHMARK(BM_DetectLanguage_English);

void BM_DetectLanguage_German(benchmark::State& state) {
  DetectLanguageBenchmark(state, ThreeKb(3, GermanSentence), "de");
}
BENCHMARK(BM_DetectLanguage_German);

}  // namespace
}  // namespace rashomon

BENCHMARK_MAIN();
