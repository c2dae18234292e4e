#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "text/charset.h"
#include "text/chars.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "text/stem.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::text {
namespace {

// Shows U+FFFD as "{?}" so that expected repairs read at a glance.
std::string ShowReplacements(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while ((pos = s.find("\xEF\xBF\xBD")) != std::string_view::npos) {
    out.append(s.substr(0, pos));
    out.append("{?}");
    s.remove_prefix(pos + 3);
  }
  out.append(s);
  return out;
}

// "[first sentence][second]" for spans into `text`.
std::string Bracket(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    out += '[';
    out.append(text.substr(s.begin, s.end - s.begin));
    out += ']';
  }
  return out;
}

// "[word][#12]" for the tokens of `text`; '#' marks kNumber.
std::string BracketTokens(std::string_view text) {
  std::string out;
  for (const Token& t : Tokenize(text)) {
    out += '[';
    if (t.kind == TokenKind::kNumber) out += '#';
    out.append(text.substr(t.span.begin, t.span.end - t.span.begin));
    out += ']';
  }
  return out;
}

// The slow reference for RepairUtf8: ICU's UTF-8 to UTF-16 conversion, which
// also substitutes maximal subparts, and back.
std::string IcuRepair(std::string_view in) {
  std::vector<UChar> utf16(in.size() + 1);
  int32_t len16 = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &len16, in.data(),
                       static_cast<int32_t>(in.size()), 0xFFFD, nullptr, &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out(in.size() * 3 + 1, '\0');
  int32_t len8 = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len8, utf16.data(), len16, &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(len8);
  return out;
}

TEST(Utf8Test, RepairReplacesMaximalSubparts) {
  constexpr struct {
    const char* in;
    const char* want;
    size_t bad;
  } kCases[] = {
      {"", "", 0},
      {"plain ascii text", "plain ascii text", 0},
      {"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 0},
      {"\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0},  // U+10FFFF
      {"\xEF\xBF\xBD", "{?}", 0},                   // A real U+FFFD.
      // Lone continuation bytes: one replacement each.
      {"\x80", "{?}", 1},
      {"a\x80\xBF"
       "b",
       "a{?}{?}b", 2},
      // Truncated sequences, at the end and before other bytes.
      {"ab\xC3", "ab{?}", 1},
      {"ab\xE2\x82", "ab{?}", 2},
      {"\xF0\x9F\x98", "{?}", 3},
      {"\xE2\x82x", "{?}x", 2},
      {"\xF0\x9F\x98\xC3\xA9", "{?}\xC3\xA9", 3},
      // Overlong forms: the second byte is out of range, so each byte alone.
      {"\xC0\xAF", "{?}{?}", 2},
      {"\xC1\xBF", "{?}{?}", 2},
      {"\xE0\x80\xAF", "{?}{?}{?}", 3},
      {"\xF0\x80\x80\xAF", "{?}{?}{?}{?}", 4},
      // Surrogates U+D800 and U+DFFF.
      {"\xED\xA0\x80", "{?}{?}{?}", 3},
      {"\xED\xBF\xBF", "{?}{?}{?}", 3},
      // Past U+10FFFF.
      {"\xF4\x90\x80\x80", "{?}{?}{?}{?}", 4},
      {"\xF5\x80\x80\x80", "{?}{?}{?}{?}", 4},
      // Bytes that never occur.
      {"\xFF", "{?}", 1},
      {"x\xFE\xFFy", "x{?}{?}y", 2},
      // Latin-1 text read as UTF-8.
      {"caf\xE9 ol\xE9", "caf{?} ol{?}", 2},
      // The example of Unicode 15, section 3.9, table 3-8.
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", "a{?}{?}{?}b{?}c{?}{?}d", 9},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    std::string out = "stale";
    EXPECT_EQ(RepairUtf8(c.in, &out), c.bad);
    EXPECT_EQ(ShowReplacements(out), c.want);
    EXPECT_EQ(IsValidUtf8(c.in), c.bad == 0);
    EXPECT_TRUE(IsValidUtf8(out));
  }
}

TEST(Utf8Test, RepairMatchesIcuOnRandomBytes) {
  std::mt19937 rng(20240611);
  // Bytes drawn from a small alphabet of interesting values so that valid,
  // truncated and invalid sequences all occur often.
  constexpr uint8_t kAlphabet[] = {'a',  ' ',  0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2,
                                   0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<size_t> pick(0, std::size(kAlphabet) - 1);
  std::uniform_int_distribution<size_t> length(0, 40);
  for (int i = 0; i < 20000; ++i) {
    std::string in(length(rng), '\0');
    for (char& ch : in) ch = static_cast<char>(kAlphabet[pick(rng)]);
    std::string out;
    const size_t bad = RepairUtf8(in, &out);
    ASSERT_EQ(out, IcuRepair(in)) << testing::PrintToString(in);
    ASSERT_EQ(bad == 0, IsValidUtf8(in));
    ASSERT_EQ(bad == 0, out == in);
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  constexpr char32_t kCodePoints[] = {0,      0x41,   0x7F,   0x80,   0x7FF,   0x800,
                                      0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF};
  std::string all;
  for (char32_t cp : kCodePoints) AppendUtf8(cp, &all);
  EXPECT_TRUE(IsValidUtf8(all));
  size_t pos = 0;
  for (char32_t cp : kCodePoints) EXPECT_EQ(DecodeUtf8(all, &pos), cp);
  EXPECT_EQ(pos, all.size());
  for (size_t k = std::size(kCodePoints); k-- > 0;) {
    EXPECT_EQ(DecodeUtf8Before(all, &pos), kCodePoints[k]);
  }
  EXPECT_EQ(pos, 0u);
}

TEST(Utf8Test, DecodeLenientStepsOverMaximalSubparts) {
  const std::string s =
      "a\xE2\x82"
      "b\xC3\xA9\xFF";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8Lenient(s, &pos), U'a');
  EXPECT_EQ(DecodeUtf8Lenient(s, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(DecodeUtf8Lenient(s, &pos), U'b');
  EXPECT_EQ(DecodeUtf8Lenient(s, &pos), 0xE9u);
  EXPECT_EQ(DecodeUtf8Lenient(s, &pos), 0xFFFDu);
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8Test, WhiteSpaceSet) {
  for (char32_t cp :
       {U' ', U'\t', U'\n', U'\r', U'\v', U'\f', U'\u0085', U'\u00A0', U'\u1680', U'\u2000',
        U'\u200A', U'\u200B', U'\u2028', U'\u2029', U'\u202F', U'\u205F', U'\u3000', U'\uFEFF'}) {
    EXPECT_TRUE(IsWhiteSpace(cp)) << static_cast<uint32_t>(cp);
  }
  for (char32_t cp : {U'a', U'\0', U'\u001F', U'_', U'\u200C', U'\u00AD', U'\u3001', U'\uFFFD'}) {
    EXPECT_FALSE(IsWhiteSpace(cp)) << static_cast<uint32_t>(cp);
  }
}

TEST(NormalizeTest, NormalizeNfc) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"e\xCC\x81", "\xC3\xA9"},  // e + U+0301 -> é
      {"Cafe\xCC\x81 noir", "Caf\xC3\xA9 noir"},
      {"A\xCC\x8A", "\xC3\x85"},                     // A + ring -> Å
      {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"},  // Hangul jamo -> 가
      {"\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},    // Already NFC.
      {"\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",   // "Αθήνα", NFC.
       "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"},
      {"\xE5\x8C\x97\xE4\xBA\xAC", "\xE5\x8C\x97\xE4\xBA\xAC"},  // 北京
      // Singleton decomposition: U+212B ANGSTROM SIGN -> U+00C5.
      {"\xE2\x84\xAB", "\xC3\x85"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(NormalizeNfc(c.in), c.want);
  }
}

TEST(NormalizeTest, NormalizeNfcOfLongText) {
  std::string in;
  std::string want;
  for (int i = 0; i < 5000; ++i) {
    in +=
        "Zo\xCC\x88"
        "e says hello. ";  // o + U+0308
    want +=
        "Z\xC3\xB6"
        "e says hello. ";
  }
  EXPECT_EQ(NormalizeNfc(in), want);
  EXPECT_EQ(NormalizeNfc(want), want);
}

TEST(NormalizeTest, CollapseWhitespace) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {"   ", ""},
      {"one", "one"},
      {"  a  b  ", "a b"},
      {"a\t\n\r\v\f b", "a b"},
      {"\xC2\xA0Hello\xC2\xA0\xC2\xA0world\xC2\xA0", "Hello world"},
      {"x\xE3\x80\x80y", "x y"},         // U+3000
      {"\xE2\x80\x8B\xE2\x80\xAF", ""},  // U+200B, U+202F
      {"\xEF\xBB\xBFTitle", "Title"},    // Stray BOM.
      {"caf\xC3\xA9  \xE2\x80\x83 au lait", "caf\xC3\xA9 au lait"},
      {"a \xFF  b", "a \xFF b"},  // Invalid bytes kept.
      {"tail \xE2\x80", "tail \xE2\x80"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(CollapseWhitespace(c.in), c.want);
  }
}

TEST(NormalizeTest, LooseKey) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {"!!! ...", ""},
      {"\xE2\x80\x9CThe Rival\xE2\x80\x9D, Norland!", "the rival norland"},
      {"  HELLO---World  ", "hello world"},
      {"COVID-19: 2,000 cases", "covid 19 2 000 cases"},
      {"Stra\xC3\x9F"
       "e",
       "strasse"},  // Full folding: ß -> ss.
      {"\xC3\x89\x43OLE normale", "\xC3\xA9\x63ole normale"},
      {"\xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1",          // Σοφία
       "\xCF\x83\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1"},         // σοφία
      {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",  // МОСКВА
       "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      // Devanagari vowel signs are marks and stay in the word: "नमस्ते!"
      {"\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5"
       "\x87!",
       "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5"
       "\x87"},
      {"\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x81\xE4\xB8\x8A\xE6\xB5\xB7",  // 北京、上海
       "\xE5\x8C\x97\xE4\xBA\xAC \xE4\xB8\x8A\xE6\xB5\xB7"},
      {"a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},
      {"bad\xFF"
       "byte",
       "bad byte"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(LooseKey(c.in), c.want);
  }
}

// LooseKey folds most code points with a cheap table lookup; check it
// against ICU's full case folding of each word character.
TEST(NormalizeTest, LooseKeyFoldsLikeIcuFullFolding) {
  constexpr uint32_t kKept = U_GC_L_MASK | U_GC_ND_MASK | U_GC_M_MASK;
  for (UChar32 cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (U_IS_SURROGATE(cp) || (U_GET_GC_MASK(cp) & kKept) == 0) continue;
    UChar src[2];
    int32_t src_len = 0;
    U16_APPEND_UNSAFE(src, src_len, cp);
    UChar folded[8];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t folded_len = u_strFoldCase(folded, 8, src, src_len, U_FOLD_CASE_DEFAULT, &status);
    ASSERT_TRUE(U_SUCCESS(status));
    char want[32];
    int32_t want_len = 0;
    u_strToUTF8(want, sizeof(want), &want_len, folded, folded_len, &status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::string in;
    AppendUtf8(static_cast<char32_t>(cp), &in);
    ASSERT_EQ(LooseKey(in), std::string_view(want, want_len)) << cp;
  }
}

TEST(SentenceSplitterTest, SplitsNewsText) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {"   ", ""},
      {"\n\n \t\xC2\xA0", ""},
      {"No final stop", "[No final stop]"},
      {"Mr. Smith went to Washington. He spoke.", "[Mr. Smith went to Washington.][He spoke.]"},
      {"It happened on Jan. 5 in the U.S. capital.",
       "[It happened on Jan. 5 in the U.S. capital.]"},
      {"John F. Kennedy was shot. It was 1963.", "[John F. Kennedy was shot.][It was 1963.]"},
      {"Temperatures hit 40\xC2\xB0"
       "C. Residents fled.",
       "[Temperatures hit 40\xC2\xB0"
       "C.][Residents fled.]"},
      // An acronym before a capitalised word that rarely starts a sentence
      // is taken as part of the sentence; before "The", "He" and the like
      // it ends one.
      {"The U.S. Army arrived. Then it left.", "[The U.S. Army arrived.][Then it left.]"},
      {"Troops flew back to the U.S. The base closed.",
       "[Troops flew back to the U.S.][The base closed.]"},
      {"They flew to the U.S. The\xC2\xA0"
       "base closed.",
       "[They flew to the U.S.][The\xC2\xA0"
       "base closed.]"},
      {"They met the U.S. Th\xC3\xA9o spoke.",  // "Théo" is not "The".
       "[They met the U.S. Th\xC3\xA9o spoke.]"},
      {"The U.K. 5th Brigade moved. It rained.", "[The U.K. 5th Brigade moved.][It rained.]"},
      {"He said \"no.\" Then left.", "[He said \"no.\"][Then left.]"},
      {"\xE2\x80\x9CWe will stay.\xE2\x80\x9D The crowd cheered.",
       "[\xE2\x80\x9CWe will stay.\xE2\x80\x9D][The crowd cheered.]"},
      {"Where is it? Nobody knows! Really.", "[Where is it?][Nobody knows!][Really.]"},
      {"Dr. Ana Ruiz met Gen. Hale and Sen. Ortiz. They talked.",
       "[Dr. Ana Ruiz met Gen. Hale and Sen. Ortiz.][They talked.]"},
      {"Prices rose 1.6 percent. Wages fell.", "[Prices rose 1.6 percent.][Wages fell.]"},
      {"On Sept. 11 the office shut. Staff left.", "[On Sept. 11 the office shut.][Staff left.]"},
      {"It shut in Oct. Then it reopened.", "[It shut in Oct.][Then it reopened.]"},
      {"She lives at No. 10 now. Fine.", "[She lives at No. 10 now.][Fine.]"},
      {"They sold apples, pears, etc. Then they left.",
       "[They sold apples, pears, etc.][Then they left.]"},
      {"Smith Jr. and his son spoke. Nobody else did.",
       "[Smith Jr. and his son spoke.][Nobody else did.]"},
      {"Apple Inc. Chief Executive Tim Cook spoke. He left.",
       "[Apple Inc. Chief Executive Tim Cook spoke.][He left.]"},
      {"They met in St. Louis. The talks went on.", "[They met in St. Louis.][The talks went on.]"},
      {"She lives on Elm St. The house is old.", "[She lives on Elm St.][The house is old.]"},
      {"The case was Smith vs. Jones. It ended.", "[The case was Smith vs. Jones.][It ended.]"},
      {"He moved to Washington, D.C. in 2010. It rained.",
       "[He moved to Washington, D.C. in 2010.][It rained.]"},
      {"The talks ended at 5 p.m. The guests left.",
       "[The talks ended at 5 p.m.][The guests left.]"},
      {"It began at 5 a.m. Police arrived at 6 a.m. on foot.",
       "[It began at 5 a.m.][Police arrived at 6 a.m. on foot.]"},
      {"He returned to the U.S. \"It is good,\" he said.",
       "[He returned to the U.S.][\"It is good,\" he said.]"},
      {"George W. Bush and Plan B. The end.", "[George W. Bush and Plan B.][The end.]"},
      {"Mrs. Novak (the mayor) agreed. So did Mr. Ito.",
       "[Mrs. Novak (the mayor) agreed.][So did Mr. Ito.]"},
      // Line feeds separate paragraphs; nothing is joined across one.
      {"A title without a stop\nThe body starts here.",
       "[A title without a stop][The body starts here.]"},
      {"Ask Dr.\nSmith answers.", "[Ask Dr.][Smith answers.]"},
      {"  Padded.  \xC2\xA0"
       "Also padded.\xE2\x80\x83",
       "[Padded.][Also padded.]"},
      {"Wait... What happened?", "[Wait...][What happened?]"},
  };
  SentenceSplitter splitter;  // One splitter reused across inputs.
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Bracket(c.in, splitter.Split(c.in)), c.want);
  }
}

TEST(SentenceSplitterTest, OffsetsAreBytesIntoNonAsciiText) {
  // "Čo sa stalo? Nikto nevie. Žiadne správy." in Slovak.
  const std::string text =
      "\xC4\x8Co sa stalo? Nikto nevie. \xC5\xBD"
      "iadne spr\xC3\xA1vy.";
  SentenceSplitter splitter;
  const std::vector<Span> spans = splitter.Split(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (Span{0, 13}));
  EXPECT_EQ(spans[1], (Span{14, 26}));
  EXPECT_EQ(spans[2], (Span{27, text.size()}));

  // "今天下雨。明天晴天。": each character takes three bytes.
  const std::string cjk =
      "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82"
      "\xE6\x98\x8E\xE5\xA4\xA9\xE6\x99\xB4\xE5\xA4\xA9\xE3\x80\x82";
  EXPECT_EQ(splitter.Split(cjk), (std::vector<Span>{{0, 15}, {15, 30}}));
}

TEST(SentenceSplitterTest, MegabytesOfText) {
  // Longer than one 4 MiB piece handed to ICU, so the cut is exercised.
  const std::string_view kLine = "Mr. Smith went to Washington. He spoke.\n";
  std::string text;
  while (text.size() < (size_t{9} << 20)) text += kLine;
  SentenceSplitter splitter;
  const std::vector<Span> spans = splitter.Split(text);
  const size_t lines = text.size() / kLine.size();
  ASSERT_EQ(spans.size(), 2 * lines);
  for (size_t i = 0; i < spans.size(); ++i) {
    const size_t line_start = (i / 2) * kLine.size();
    const Span want =
        i % 2 == 0 ? Span{line_start, line_start + 29} : Span{line_start + 30, line_start + 39};
    ASSERT_EQ(spans[i], want) << i;
  }
}

TEST(SentenceSplitterTest, OneLongLineWithoutBreaks) {
  std::string text;
  while (text.size() < (size_t{5} << 20)) text += "word ";
  text += "end";
  SentenceSplitter splitter;
  const std::vector<Span> spans = splitter.Split(text);
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans.front().begin, 0u);
  EXPECT_EQ(spans.back().end, text.size());
}

TEST(SentenceSplitterTest, InvalidUtf8DoesNotCrash) {
  const std::string text = "Bad \xFF\xC3. Bytes \xF0\x9F. End \xE2\x82";
  SentenceSplitter splitter;
  const std::vector<Span> spans = splitter.Split(text);
  ASSERT_FALSE(spans.empty());
  for (const Span& s : spans) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
  }
}

// Every non-space character lies in exactly one span, spans are ordered and
// start and end on non-space characters: checked on random texts built from
// fragments that trouble sentence splitters.
TEST(SentenceSplitterTest, SpansCoverTextOnRandomInput) {
  constexpr const char* kFragments[] = {"Mr.",
                                        "Dr.",
                                        "U.S.",
                                        "F.",
                                        "Jan.",
                                        "5",
                                        "etc.",
                                        "The",
                                        "army",
                                        "said",
                                        "no.",
                                        "\"Yes.\"",
                                        "?",
                                        "!",
                                        "...",
                                        "(ok)",
                                        " ",
                                        "  ",
                                        "\n",
                                        "\xC2\xA0",
                                        "\xE2\x80\x83",
                                        "\xC5\xBD"
                                        "ena",
                                        "\xE4\xB8\xAD\xE3\x80\x82",
                                        "1.6",
                                        "\xE2\x80\x9CQuote.\xE2\x80\x9D",
                                        "p.m.",
                                        "Co.",
                                        "a"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, std::size(kFragments) - 1);
  std::uniform_int_distribution<int> length(0, 30);
  SentenceSplitter splitter;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      text += kFragments[pick(rng)];
      if (rng() % 2) text += ' ';
    }
    SCOPED_TRACE(text);
    const std::vector<Span> spans = splitter.Split(text);
    size_t covered_to = 0;
    for (const Span& s : spans) {
      ASSERT_LE(covered_to, s.begin);
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, text.size());
      // Only white space between spans.
      size_t pos = covered_to;
      while (pos < s.begin) ASSERT_TRUE(IsWhiteSpace(DecodeUtf8(text, &pos)));
      pos = s.begin;
      ASSERT_FALSE(IsWhiteSpace(DecodeUtf8(text, &pos)));
      pos = s.end;
      ASSERT_FALSE(IsWhiteSpace(DecodeUtf8Before(text, &pos)));
      covered_to = s.end;
    }
    size_t pos = covered_to;
    while (pos < text.size()) ASSERT_TRUE(IsWhiteSpace(DecodeUtf8(text, &pos)));
  }
}

TEST(TokensTest, Tokenize) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {" ,.;- ", ""},
      {"Varga-Lindqvist talks", "[Varga-Lindqvist][talks]"},
      {"don't stop", "[don't][stop]"},
      {"don\xE2\x80\x99t", "[don\xE2\x80\x99t]"},  // Typographic apostrophe.
      {"'quoted' -dash- end-", "[quoted][dash][end]"},
      {"a--b", "[a][b]"},
      {"20,000 people", "[#20,000][people]"},
      {"rose 1.6% in 2024.", "[rose][#1.6][in][#2024]"},
      {"1,2,3 and 4., 5", "[#1,2,3][and][#4][#5]"},
      {"v1.6 COVID-19 3D", "[v1.6][COVID-19][#3D]"},
      {"U.S. e-mail@example.com", "[U][S][e-mail][example][com]"},
      {"caf\xC3\xA9 cre\xCC\x80me", "[caf\xC3\xA9][cre\xCC\x80me]"},
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, 2024",  // Москва
       "[\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0][#2024]"},
      {"\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA",  // 中国人
       "[\xE4\xB8\xAD][\xE5\x9B\xBD][\xE4\xBA\xBA]"},
      {"Chinese\xE4\xB8\xAD\xE6\x96\x87mix",  // Chinese中文mix
       "[Chinese][\xE4\xB8\xAD][\xE6\x96\x87][mix]"},
      {"\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC\xE3\x81\xB8",  // タワーへ
       "[\xE3\x82\xBF][\xE3\x83\xAF][\xE3\x83\xBC][\xE3\x81\xB8]"},
      {"\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x99",  // กิน: a vowel mark stays.
       "[\xE0\xB8\x81\xE0\xB8\xB4][\xE0\xB8\x99]"},
      {"\xD9\xA1\xD9\xA2\xD9\xA3 x", "[#\xD9\xA1\xD9\xA2\xD9\xA3][x]"},  // ١٢٣
      {"bad\xFF"
       "byte \xE2\x82",
       "[bad][byte]"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(BracketTokens(c.in), c.want);
    EXPECT_EQ(CountWords(c.in), Tokenize(c.in).size());
  }
}

TEST(TokensTest, SpansAreByteOffsets) {
  const std::string text =
      "\xC5\xBD"
      "ena 20,5 m";  // "Žena 20,5 m"
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].span, (Span{0, 5}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].span, (Span{6, 10}));
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].span, (Span{11, 12}));
}

TEST(LanguageTest, DetectsParagraphs) {
  constexpr struct {
    const char* text;
    const char* code;
  } kCases[] = {
      {"The city council voted on Thursday evening to delay the new parking "
       "rules until next spring, after shop owners complained that the plan "
       "would keep customers away from the old market square.",
       "en"},
      {"Mestsk\xC3\xA9 zastupite\xC4\xBEstvo vo \xC5\xA1tvrtok ve\xC4\x8D"
       "er rozhodlo, \xC5\xBE"
       "e nov\xC3\xA9 pravidl\xC3\xA1 parkovania "
       "odlo\xC5\xBE\xC3\xAD do jari, preto\xC5\xBE"
       "e majitelia obchodov "
       "sa s\xC5\xA5"
       "a\xC5\xBEovali, \xC5\xBE"
       "e z\xC3\xA1kazn\xC3\xADkov "
       "odradia od n\xC3\xA1mestia.",
       "sk"},
      {"Der Stadtrat hat am Donnerstagabend beschlossen, die neuen "
       "Parkregeln bis zum Fr\xC3\xBChjahr zu verschieben, nachdem sich "
       "Ladenbesitzer \xC3\xBC"
       "ber fehlende Kunden beschwert hatten.",
       "de"},
      // Latin is only in the full tables (libcld2_full).
      {"Senatus populusque Romanus legatos ad regem miserunt, qui pacem "
       "peterent et captivos redderent; rex autem legatos benigne accepit "
       "et omnia quae postulaverant concessit.",
       "la"},
      {"", "und"},
      {"12345 67890 !!! ???", "und"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    const LanguageGuess guess = DetectLanguage(c.text);
    EXPECT_EQ(guess.code, c.code);
    if (guess.code == "und") {
      EXPECT_EQ(guess.confidence, 0.0);
    } else {
      EXPECT_GT(guess.confidence, 0.8);
      EXPECT_TRUE(guess.reliable);
    }
  }
}

TEST(LanguageTest, HintsAndCodes) {
  const char* kSlovak =
      "Vl\xC3\xA1"
      "da v utorok schv\xC3\xA1lila n\xC3\xA1vrh rozpo\xC4\x8Dtu "
      "na bud\xC3\xBA"
      "ci rok a posunula ho do parlamentu.";
  EXPECT_EQ(DetectLanguage(kSlovak, "sk").code, "sk");
  EXPECT_EQ(DetectLanguage(kSlovak, "not-a-language").code, "sk");
  // CLD2 says "iw"; callers get ISO 639-1 "he".
  const char* kHebrew =
      "\xD7\x94\xD7\x9E\xD7\x9E\xD7\xA9\xD7\x9C\xD7\x94 \xD7\x94\xD7\x95"
      "\xD7\x93\xD7\x99\xD7\xA2\xD7\x94 \xD7\x94\xD7\x99\xD7\x95\xD7\x9D "
      "\xD7\xA2\xD7\x9C \xD7\xAA\xD7\x95\xD7\x9B\xD7\xA0\xD7\x99\xD7\xAA "
      "\xD7\x97\xD7\x93\xD7\xA9\xD7\x94 \xD7\x9C\xD7\xAA\xD7\x97\xD7\x91"
      "\xD7\x95\xD7\xA8\xD7\x94 \xD7\x94\xD7\xA6\xD7\x99\xD7\x91\xD7\x95"
      "\xD7\xA8\xD7\x99\xD7\xAA";
  EXPECT_EQ(DetectLanguage(kHebrew).code, "he");
  EXPECT_EQ(DetectLanguage("bad \xFF bytes").code, "und");
  // Control characters and noncharacters are valid UTF-8 and do no harm.
  const std::string kEnglish =
      "The harbour authority said on Monday\x01 that ferries would run "
      "again\xEF\xBF\xBF once the storm had passed and the piers had been "
      "checked by its engineers.";
  EXPECT_EQ(DetectLanguage(kEnglish).code, "en");
}

}  // namespace
}  // namespace rashomon::text

// ---------------------------------------------------------------- Charsets

namespace rashomon::text {
namespace {

// Reference encoders, independent of ICU, for the test inputs: Russian
// letters to windows-1251, and Latin-1 letters plus the euro sign and the
// right single quote to windows-1252.
std::string ToCp1251(std::string_view utf8) {
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t cp = DecodeUtf8(utf8, &pos);
    if (cp >= 0x410 && cp <= 0x44F) {
      out += static_cast<char>(0xC0 + (cp - 0x410));
    } else if (cp == 0x401 || cp == 0x451) {
      out += static_cast<char>(cp == 0x401 ? 0xA8 : 0xB8);
    } else {
      EXPECT_LT(cp, 0x80u);
      out += static_cast<char>(cp);
    }
  }
  return out;
}

std::string ToCp1252(std::string_view utf8) {
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t cp = DecodeUtf8(utf8, &pos);
    if (cp == 0x20AC) {
      out += '\x80';
    } else if (cp == 0x2019) {
      out += '\x92';
    } else {
      EXPECT_LT(cp, 0x100u);
      out += static_cast<char>(cp);
    }
  }
  return out;
}

constexpr std::string_view kRussian =
    "Правительство России в понедельник утвердило новый бюджет на следующий "
    "год. Министр финансов заявил, что расходы на образование и "
    "здравоохранение вырастут, а дефицит сократится в течение трёх лет.";
constexpr std::string_view kFrench =
    "Le gouvernement français a présenté mercredi un projet de loi très "
    "attendu sur la réforme des retraites. Selon le ministre, l’âge légal de "
    "départ sera relevé progressivement à soixante-quatre ans, et le coût "
    "est estimé à douze milliards d’euros.";

TEST(CharsetTest, CanonicalNames) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"utf8", "UTF-8"},
      {" \"UTF-8\" ", "UTF-8"},
      {"latin1", "windows-1252"},
      {"ISO-8859-1", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"cp1251", "windows-1251"},
      {"Windows-1251", "windows-1251"},
      {"koi8-r", "KOI8-R"},
      {"sjis", "Shift_JIS"},
      {"shift_jis", "Shift_JIS"},
      {"euc-kr", "EUC-KR"},
      {"gbk", "GB18030"},
      {"GB2312", "GB18030"},
      {"iso-8859-2", "ISO-8859-2"},
      {"iso-8859-9", "windows-1254"},
      {"big5", "Big5"},
      {"no-such-charset", ""},
      {"", ""},
      {"utf-8; x", ""},
      {"a-label-far-too-long-to-be-any-real-charset-name", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(CanonicalCharset(c.in), c.want);
  }
}

TEST(CharsetTest, ConvertsLegacyCharsets) {
  std::string out;
  EXPECT_TRUE(ConvertToUtf8(ToCp1251(kRussian), "cp1251", &out));
  EXPECT_EQ(out, kRussian);
  // 日本語のニュース in Shift_JIS.
  EXPECT_TRUE(ConvertToUtf8("\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83j\x83\x85\x81\x5B\x83X",
                            "Shift_JIS", &out));
  EXPECT_EQ(out, "日本語のニュース");
  // Labelled latin1, read as windows-1252 as browsers do: 0x80 is the euro.
  EXPECT_TRUE(ConvertToUtf8("Prix : 5 \x80, caf\xE9", "latin1", &out));
  EXPECT_EQ(out, "Prix : 5 €, café");
  EXPECT_TRUE(ConvertToUtf8(ToCp1252(kFrench), "windows-1252", &out));
  EXPECT_EQ(out, kFrench);
  EXPECT_TRUE(ConvertToUtf8("", "windows-1251", &out));
  EXPECT_EQ(out, "");
}

TEST(CharsetTest, ReplacesBadBytesAndRejectsUnknownCharsets) {
  std::string out = "stale";
  EXPECT_FALSE(ConvertToUtf8("abc", "no-such-charset", &out));
  EXPECT_EQ(out, "");
  // A Shift_JIS lead byte cut off at the end, an unassigned Shift_JIS
  // byte and an EUC-KR lead byte without its trail byte.
  EXPECT_TRUE(ConvertToUtf8("ok \x93", "Shift_JIS", &out));
  EXPECT_EQ(ShowReplacements(out), "ok {?}");
  EXPECT_TRUE(ConvertToUtf8("a\xFFz", "Shift_JIS", &out));
  EXPECT_EQ(ShowReplacements(out), "a{?}z");
  EXPECT_TRUE(ConvertToUtf8("a\xB0z", "EUC-KR", &out));
  EXPECT_EQ(ShowReplacements(out), "a{?}z");
  // The SUB control byte stays itself, not a substitution.
  EXPECT_TRUE(ConvertToUtf8("a\x1A", "windows-1251", &out));
  EXPECT_EQ(out, "a\x1A");
  // UTF-8 is repaired, not converted.
  EXPECT_TRUE(ConvertToUtf8("caf\xC3\xA9 \xFF!", "utf-8", &out));
  EXPECT_EQ(ShowReplacements(out), "café {?}!");
  // Characters outside the BMP survive the UTF-16 step.
  EXPECT_TRUE(ConvertToUtf8("\x94\x39\xFC\x36", "GB18030", &out));
  EXPECT_EQ(out, "\xF0\x9F\x98\x80");
}

TEST(CharsetTest, DetectsRussianAndFrench) {
  std::string russian = ToCp1251(kRussian);
  CharsetGuess guess = DetectCharset(russian);
  EXPECT_EQ(guess.name, "windows-1251");
  EXPECT_GT(guess.confidence, 0);
  // Tags are skipped: only the text counts.
  std::string page = "<html><head><title>x</title></head><body><p class=\"lead\">" + russian +
                     "</p><p>" + russian + "</p></body></html>";
  EXPECT_EQ(DetectCharset(page).name, "windows-1251");
  EXPECT_EQ(DetectCharset(ToCp1252(kFrench)).name, "windows-1252");
  EXPECT_EQ(DetectCharset(kRussian).name, "UTF-8");
  EXPECT_EQ(DetectCharset("").name, "");
  EXPECT_EQ(DetectCharset("").confidence, 0);
}

TEST(CharsetTest, NeverFailsOnRandomBytes) {
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    CharsetGuess guess = DetectCharset(bytes);
    for (const char* charset : {"UTF-8", "Shift_JIS", "GB18030", "UTF-16LE", "ISO-2022-JP"}) {
      std::string out;
      EXPECT_TRUE(ConvertToUtf8(bytes, charset, &out));
      EXPECT_TRUE(IsValidUtf8(out));
    }
    if (!guess.name.empty()) {
      std::string out;
      EXPECT_TRUE(ConvertToUtf8(bytes, guess.name, &out)) << guess.name;
      EXPECT_TRUE(IsValidUtf8(out));
    }
  }
}

}  // namespace
}  // namespace rashomon::text

namespace rashomon::text {
namespace {

TEST(CharsTest, Classes) {
  EXPECT_TRUE(IsUpperCaseLetter(U'A'));
  EXPECT_TRUE(IsUpperCaseLetter(U'Ж'));
  EXPECT_TRUE(IsUpperCaseLetter(U'ǅ'));
  EXPECT_FALSE(IsUpperCaseLetter(U'a'));
  EXPECT_FALSE(IsUpperCaseLetter(U'中'));
  EXPECT_TRUE(IsLetter(U'中'));
  EXPECT_FALSE(IsLetter(U'7'));
  EXPECT_TRUE(IsQuoteBracketDashOrSpace(U'“'));
  EXPECT_TRUE(IsQuoteBracketDashOrSpace(U'«'));
  EXPECT_TRUE(IsQuoteBracketDashOrSpace(U'—'));
  EXPECT_TRUE(IsQuoteBracketDashOrSpace(U'\u00A0'));
  EXPECT_FALSE(IsQuoteBracketDashOrSpace(U'x'));
  EXPECT_FALSE(IsQuoteBracketDashOrSpace(U'.'));
  EXPECT_EQ(FoldCaseCodePoint(U'Ä'), U'ä');
  EXPECT_EQ(FoldCaseCodePoint(U'Σ'), U'σ');
  EXPECT_EQ(FoldCaseCodePoint(U'ς'), U'σ');
  EXPECT_EQ(FoldCaseCodePoint(U'中'), U'中');
  EXPECT_EQ(FoldCaseCodePoint(U'7'), U'7');
}

TEST(FoldCaseTest, FoldsAsciiAndOtherScripts) {
  EXPECT_EQ(FoldCase("NATO Summit"), "nato summit");
  EXPECT_EQ(FoldCase("Straße"), "strasse");
  EXPECT_EQ(FoldCase("ÉTÉ"), "été");
  EXPECT_EQ(FoldCase("ФМА"), "фма");
  EXPECT_EQ(FoldCase(""), "");
  EXPECT_EQ(FoldCase(std::string_view("a\xFF" "B", 3)), std::string("a\xFF" "b"));
}

TEST(StemmerTest, StemsPerLanguage) {
  Stemmer en("en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en.Stem("elections"), en.Stem("election"));
  EXPECT_EQ(en.Stem("running"), "run");
  Stemmer de("de");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de.Stem("tonnen"), de.Stem("tonne"));
  Stemmer ru("ru");
  ASSERT_TRUE(ru.ok());
  EXPECT_EQ(ru.Stem("москвы"), ru.Stem("москва"));
  Stemmer none("und");
  EXPECT_FALSE(none.ok());
  EXPECT_EQ(none.Stem("words"), "words");
  EXPECT_EQ(en.Stem(""), "");
}

TEST(LatinTransliteratorTest, NamesMeetAcrossScripts) {
  LatinTransliterator latin;
  EXPECT_EQ(latin.ToLatinAscii("ФМА"), "FMA");
  EXPECT_EQ(FoldCase(latin.ToLatinAscii("Фма")), "fma");
  EXPECT_EQ(latin.ToLatinAscii("Straße"), "Strasse");
  EXPECT_EQ(latin.ToLatinAscii("Zürich"), "Zurich");
  EXPECT_EQ(latin.ToLatinAscii("plain ascii"), "plain ascii");
  EXPECT_EQ(latin.ToLatinAscii("Светлана"), "Svetlana");
}

}  // namespace
}  // namespace rashomon::text
