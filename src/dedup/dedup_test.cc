#include "dedup/dedup.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "dedup/ascii_tokens.h"
#include "dedup/lsh.h"
#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "dedup/simhash.h"
#include "dedup/simhash_index.h"
#include "gtest/gtest.h"
#include "text/tokens.h"

namespace rashomon::dedup {
namespace {

// ---------------------------------------------------------------------------
// Test corpora.

// `n` distinct invented words (two to four syllables).
std::vector<std::string> Vocabulary(size_t n, uint32_t seed) {
  static const char* const kSyllables[] = {"ka", "lo", "mi",  "ter", "san", "vu",  "del", "or",
                                           "pi", "ne", "ros", "ta",  "gu",  "fen", "is",  "bar",
                                           "ce", "do", "lin", "mo",  "ra",  "sel", "ti",  "zo"};
  std::mt19937 rng(seed);
  std::set<std::string> seen;
  std::vector<std::string> words;
  while (words.size() < n) {
    std::string w;
    const int syllables = 2 + static_cast<int>(rng() % 3);
    for (int s = 0; s < syllables; ++s) w += kSyllables[rng() % std::size(kSyllables)];
    if (seen.insert(w).second) words.push_back(w);
  }
  return words;
}

std::vector<std::string> RandomWords(const std::vector<std::string>& vocab, size_t n,
                                     std::mt19937* rng) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(vocab[(*rng)() % vocab.size()]);
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) s += (i % 12 == 0) ? ". " : " ";
    s += words[i];
  }
  return s + ".";
}

// Substitutes, deletes or inserts each word with probability `rate`.
std::vector<std::string> Mutate(const std::vector<std::string>& words, double rate,
                                const std::vector<std::string>& vocab, std::mt19937* rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::string> out;
  for (const std::string& w : words) {
    if (u(*rng) >= rate) {
      out.push_back(w);
      continue;
    }
    const uint32_t op = (*rng)() % 3;
    if (op == 0) out.push_back(vocab[(*rng)() % vocab.size()]);
    if (op == 2) {
      out.push_back(w);
      out.push_back(vocab[(*rng)() % vocab.size()]);
    }
  }
  return out;
}

std::vector<DedupInput> Inputs(const std::vector<std::string>& texts) {
  std::vector<DedupInput> in;
  for (const std::string& t : texts) in.push_back(DedupInput{t, ""});
  return in;
}

// Groups as sorted lists of indices, sorted: for comparing memberships.
std::vector<std::vector<size_t>> Memberships(const std::vector<CopyGroup>& groups) {
  std::vector<std::vector<size_t>> out;
  for (const CopyGroup& g : groups) {
    std::vector<size_t> ids;
    for (const CopyMember& m : g.members) ids.push_back(m.index);
    std::sort(ids.begin(), ids.end());
    out.push_back(ids);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint64_t> AllShingles(std::string_view text, const ShingleOptions& options = {}) {
  Shingler shingler(options);
  std::vector<uint64_t> out;
  shingler.Shingle(text,
                   [&](std::span<const uint64_t> b) { out.insert(out.end(), b.begin(), b.end()); });
  return out;
}

std::vector<uint32_t> SetOf(std::string_view text) {
  return Shingler(ShingleOptions{}).ShingleSet(text);
}

// Real news-like paragraphs in scripts without spaces between words.
constexpr std::string_view kChineseA =
    "北京时间周二上午，强台风在南部沿海登陆，当地政府已经紧急疏散了超过两万名居民。"
    "气象部门表示，台风将继续向西北方向移动，预计未来三天内将带来大范围强降雨。"
    "港口管理局宣布，所有渡轮服务暂停，渔船必须立即返回港口避风。"
    "交通运输部门提醒市民尽量减少外出，注意防范山洪和泥石流等次生灾害。"
    "救援队伍已经在重点地区待命，随时准备开展抢险救灾工作。"
    "电力公司说，部分地区出现停电，抢修人员正在全力恢复供电。";
constexpr std::string_view kChineseA2 =  // One sentence rewritten.
    "北京时间周二上午，强台风在南部沿海登陆，当地政府已经紧急疏散了超过两万名居民。"
    "气象部门表示，台风将继续向西北方向移动，预计未来三天内将带来大范围强降雨。"
    "港口管理局周二晚间表示，部分渡轮航线将在明天早上恢复运营。"
    "交通运输部门提醒市民尽量减少外出，注意防范山洪和泥石流等次生灾害。"
    "救援队伍已经在重点地区待命，随时准备开展抢险救灾工作。"
    "电力公司说，部分地区出现停电，抢修人员正在全力恢复供电。";
constexpr std::string_view kChineseB =
    "国家统计局今天公布的数据显示，今年第一季度国内生产总值同比增长百分之五点三，高于市场预期。"
    "消费支出继续回暖，零售销售额增长明显，其中新能源汽车和智能手机的销量增幅最大。"
    "分析人士认为，稳定的就业形势和持续的政策支持是经济复苏的主要动力。"
    "不过，房地产市场仍然疲软，地方政府的债务压力也在上升。"
    "央行表示将保持货币政策的连续性和稳定性，为实体经济提供更有力的支持。";
constexpr std::string_view kJapaneseA =
    "東京都は火曜日、新しい防災計画を発表した。"
    "計画では、大地震が発生した場合に備えて、避難所の数を二倍に増やし、食料と飲料水の備蓄を強化する"
    "。"
    "知事は記者会見で、都民一人ひとりが日頃から家具の固定や非常用持ち出し袋の準備を進めてほしいと呼"
    "びかけた。"
    "専門家によると、首都直下型地震が今後三十年以内に発生する確率は約七割とされている。"
    "都は来年度予算に関連費用として約五百億円を計上する方針だ。";
constexpr std::string_view kJapaneseA2 =
    "東京都は火曜日、新しい防災計画を発表した。"
    "計画では、大地震が発生した場合に備えて、避難所の数を二倍に増やし、食料と飲料水の備蓄を強化する"
    "。"
    "知事は記者会見で、都民一人ひとりが日頃から家具の固定や非常用持ち出し袋の準備を進めてほしいと呼"
    "びかけた。"
    "専門家は、古い木造住宅が密集する地域で火災の危険が特に高いと指摘している。"
    "都は来年度予算に関連費用として約五百億円を計上する方針だ。";
constexpr std::string_view kJapaneseB =
    "日本銀行は金曜日の金融政策決定会合で、政策金利を据え置くことを決めた。"
    "総裁は会合後の記者会見で、賃金と物価の好循環がさらに強まるかどうかを慎重に見極める必要があると"
    "述べた。"
    "円相場は発表後に一時値下がりし、株式市場では輸出関連銘柄が買われた。"
    "市場関係者の間では、年内の追加利上げを予想する声が多い。";
constexpr std::string_view kThaiA =
    "กรมอุตุนิยมวิทยาประกาศเตือนว่าพายุโซนร้อนจะเคลื่อนเข้าสู่ภาคตะวันออกเฉียงเหนือในวันพรุ่งนี้ "
    "ประชาชนในพื้นที่เสี่ยงควรเตรียมพร้อมรับมือกับฝนตกหนักและน้ำท่วมฉับพลัน "
    "เจ้าหน้าที่ได้เปิดศูนย์พักพิงชั่วคราวในหลายจังหวัดแล้ว และได้จัดเตรียมอาหารและน้ำดื่มไว้อย่างเพียงพอ "
    "ผู้ว่าราชการจังหวัดขอให้ชาวประมงงดออกเรือจนกว่าสถานการณ์จะกลับสู่ภาวะปกติ";
constexpr std::string_view kThaiA2 =
    "กรมอุตุนิยมวิทยาประกาศเตือนว่าพายุโซนร้อนจะเคลื่อนเข้าสู่ภาคตะวันออกเฉียงเหนือในวันพรุ่งนี้ "
    "ประชาชนในพื้นที่เสี่ยงควรเตรียมพร้อมรับมือกับฝนตกหนักและน้ำท่วมฉับพลัน "
    "เจ้าหน้าที่ได้เปิดศูนย์พักพิงชั่วคราวในหลายจังหวัดแล้ว และได้จัดเตรียมอาหารและน้ำดื่มไว้อย่างเพียงพอ "
    "ผู้ว่าราชการจังหวัดสั่งปิดโรงเรียนทุกแห่งเป็นเวลาสองวัน";
constexpr std::string_view kThaiB =
    "ธนาคารแห่งประเทศไทยมีมติคงอัตราดอกเบี้ยนโยบายไว้ที่ระดับเดิม "
    "โดยให้เหตุผลว่าเศรษฐกิจยังคงฟื้นตัวอย่างต่อเนื่อง แม้การส่งออกจะชะลอตัวลงในช่วงไตรมาสที่ผ่านมา "
    "นักวิเคราะห์คาดว่าการท่องเที่ยวจะเป็นแรงขับเคลื่อนสำคัญของเศรษฐกิจในปีนี้";

// ---------------------------------------------------------------------------
// Shingles.

TEST(ShinglerTest, NormalizeFoldsCaseAndCollapsesWhiteSpace) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"  Hello   WORLD \n\t again ", "hello world again"},
      {"Ünïcode ÄÖÜ ẞ Σίσυφος", "ünïcode äöü ß σίσυφοσ"},  // Simple folding: final sigma too.
      {"a\u00a0b\u3000c\u2003d", "a b c d"},               // Unicode white space.
      {"", ""},
      {" \n ", ""},
      {"bad \xff\xfe bytes", "bad \xef\xbf\xbd\xef\xbf\xbd bytes"},
  };
  Shingler shingler(ShingleOptions{});
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    std::string out;
    shingler.Normalize(c.in, &out);
    EXPECT_EQ(out, c.want);
  }
}

// The ASCII fast path gives exactly text::Tokenize's tokens, on random
// text mixing ASCII with letters, digits, joiners, marks and punctuation
// of other scripts.
TEST(ShinglerTest, FastTokensMatchTokenize) {
  std::mt19937 rng(31);
  const std::vector<std::string_view> pieces = {
      "a",      "b",      "Z",      "9",      "0",      " ",      " ",      "'",
      "-",      ".",      ",",      "!",      "x",      "\u00e9", "\u2019", "\u2010",
      "\u0663", "\u0301", "\u4e2d", "\u00bb", "\u00a0", "\u0e01", "\u200d"};
  for (int trial = 0; trial < 5000; ++trial) {
    std::string s;
    const size_t len = rng() % 30;
    for (size_t i = 0; i < len; ++i) s += pieces[rng() % pieces.size()];
    std::vector<std::string> fast, slow;
    internal::ForEachToken(s, [&](std::string_view t) { fast.emplace_back(t); });
    for (const text::Token& t : text::Tokenize(s)) {
      slow.push_back(s.substr(t.span.begin, t.span.end - t.span.begin));
    }
    ASSERT_EQ(fast, slow) << "[" << s << "]";
  }
}

// The 8-byte ASCII path of normalising agrees with a plain reference.
TEST(ShinglerTest, NormalizeMatchesReferenceOnRandomAscii) {
  auto reference = [](std::string_view in) {
    std::string out;
    bool space = false;
    for (char c : in) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
  };
  std::mt19937 rng(12);
  constexpr std::string_view kAlphabet = "aZ@[`{ \t\n  .Mq\x7f\x01";
  Shingler shingler(ShingleOptions{});
  for (int trial = 0; trial < 3000; ++trial) {
    std::string s;
    const size_t len = rng() % 50;
    for (size_t i = 0; i < len; ++i) s += kAlphabet[rng() % kAlphabet.size()];
    std::string got;
    shingler.Normalize(s, &got);
    ASSERT_EQ(got, reference(s)) << "[" << s << "]";
  }
}

TEST(ShinglerTest, ExactHashIgnoresCaseAndWhiteSpaceOnly) {
  EXPECT_EQ(ExactHash("The  Port\nis CLOSED."), ExactHash("the port is closed."));
  EXPECT_NE(ExactHash("The port is closed."), ExactHash("The port is closed!"));
  EXPECT_NE(ExactHash("The port is closed."), ExactHash("The port is open."));
}

TEST(ShinglerTest, WordShinglesCountAndShortDocuments) {
  EXPECT_EQ(AllShingles("one two three four five six seven").size(), 3u);
  EXPECT_EQ(AllShingles("just three words").size(), 1u);
  EXPECT_EQ(AllShingles("word").size(), 1u);
  EXPECT_EQ(AllShingles("").size(), 0u);
  EXPECT_EQ(AllShingles(" ... !!! — ").size(), 0u);
  // Case, white space and punctuation do not change the shingles.
  EXPECT_EQ(AllShingles("One two, three; FOUR five six."),
            AllShingles("one two three four five six"));
  // A short document's single shingle differs from a full-length one.
  EXPECT_NE(AllShingles("alpha beta"), AllShingles("alpha beta gamma delta epsilon"));
}

TEST(ShinglerTest, ChunkedHugeDocumentLosesNoShingle) {
  const std::vector<std::string> vocab = Vocabulary(500, 7);
  std::mt19937 rng(3);
  const std::vector<std::string> words = RandomWords(vocab, 60000, &rng);  // ~500 KB, 8 chunks.
  const std::string text = Join(words);
  EXPECT_EQ(AllShingles(text).size(), words.size() - 4);
}

TEST(ShinglerTest, SpacelessScriptsGetCharacterShingles) {
  Shingler shingler(ShingleOptions{});
  auto info = [&](std::string_view t) {
    return shingler.Shingle(t, [](std::span<const uint64_t>) {});
  };
  EXPECT_TRUE(info(kChineseA).char_shingles);
  EXPECT_TRUE(info(kJapaneseA).char_shingles);
  EXPECT_TRUE(info(kThaiA).char_shingles);
  EXPECT_TRUE(info("ພາສາລາວ ແມ່ນພາສາທາງການ").char_shingles);  // Lao.
  EXPECT_FALSE(info("The port is closed.").char_shingles);
  EXPECT_FALSE(info("Mayor Chen Lihua (陈丽华) met the delegation in Hangzhou on Tuesday.")
                   .char_shingles);
  // Character shingles: 4 code points, punctuation and spaces dropped.
  EXPECT_EQ(AllShingles("北京时间，周二。").size(), 3u);
  EXPECT_EQ(AllShingles("北京 时间").size(), 1u);
  EXPECT_EQ(AllShingles("北京").size(), 1u);
}

TEST(ShinglerTest, OverlapIsExact) {
  const std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<uint32_t> b = {5, 6, 7, 8, 9, 10};
  const SetOverlap o = Overlap(a, b);
  EXPECT_EQ(o.common, 4u);
  EXPECT_DOUBLE_EQ(o.jaccard(), 0.4);
  EXPECT_DOUBLE_EQ(o.a_in_b(), 0.5);
  EXPECT_DOUBLE_EQ(o.b_in_a(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(Overlap({}, {}).jaccard(), 0.0);
}

// ---------------------------------------------------------------------------
// MinHash.

TEST(MinHasherTest, IdenticalTextsHaveSimilarityOne) {
  const MinHasher hasher(128);
  const auto a = hasher.Sign(AllShingles("the harbour authority said the pier stays closed today"));
  const auto b =
      hasher.Sign(AllShingles("The harbour authority said: the pier stays closed today!"));
  EXPECT_EQ(hasher.num_permutations(), 128);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
  EXPECT_EQ(MinHasher(100).num_permutations(), 104);
}

TEST(MinHasherTest, UpdateInPiecesEqualsSign) {
  const MinHasher hasher(64, 99);
  std::mt19937_64 rng(5);
  std::vector<uint64_t> shingles(3000);
  for (uint64_t& s : shingles) s = rng();
  std::vector<uint32_t> sig(64);
  hasher.Reset(sig);
  hasher.Update(std::span(shingles).subspan(0, 1000), sig);
  hasher.Update(std::span(shingles).subspan(1000), sig);
  EXPECT_EQ(sig, hasher.Sign(shingles));
}

// The estimate against exact Jaccard on 600 random pairs whose true
// similarity is spread evenly over [0, 1]. With ideal permutations the mean
// absolute error is about 0.8 * E[sqrt(J(1-J)/128)] = 0.028.
TEST(MinHasherTest, EstimateMatchesExactJaccard) {
  const MinHasher hasher(128);
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  double total_error = 0.0, worst = 0.0;
  const int kPairs = 600;
  std::vector<double> errors_by_decile(10, 0.0);
  std::vector<int> pairs_by_decile(10, 0);
  for (int p = 0; p < kPairs; ++p) {
    const size_t union_size = 200 + rng() % 1800;
    const auto common = static_cast<size_t>(std::lround(unit(rng) * union_size));
    const size_t rest = union_size - common;
    const auto only_a = static_cast<size_t>(std::lround(rest * (0.2 + 0.6 * unit(rng))));
    std::vector<uint64_t> a, b;
    for (size_t i = 0; i < union_size; ++i) {
      const uint64_t x = rng();
      if (i < common || i < common + only_a) a.push_back(x);
      if (i < common || i >= common + only_a) b.push_back(x);
    }
    std::vector<uint32_t> ka, kb;
    for (uint64_t x : a) ka.push_back(ShingleKey(x));
    for (uint64_t x : b) kb.push_back(ShingleKey(x));
    std::sort(ka.begin(), ka.end());
    std::sort(kb.begin(), kb.end());
    const double exact = Overlap(ka, kb).jaccard();
    const double error = std::abs(EstimateJaccard(hasher.Sign(a), hasher.Sign(b)) - exact);
    total_error += error;
    worst = std::max(worst, error);
    const int decile = std::min(9, static_cast<int>(exact * 10));
    errors_by_decile[decile] += error;
    ++pairs_by_decile[decile];
  }
  const double mae = total_error / kPairs;
  std::printf("MinHash 128: mean absolute error %.4f, worst %.4f over %d pairs\n", mae, worst,
              kPairs);
  EXPECT_LT(mae, 0.03);
  for (int d = 0; d < 10; ++d) {
    SCOPED_TRACE(d);
    ASSERT_GT(pairs_by_decile[d], 30);  // The spread of true similarity.
  }
}

// ---------------------------------------------------------------------------
// LSH.

TEST(LshTest, ParamsFollowTheThreshold) {
  const LshParams p = ChooseLshParams(0.5, 128);
  EXPECT_EQ(p.bands, 42);
  EXPECT_EQ(p.rows, 3);
  const LshParams low = ChooseLshParams(0.7 / 3.3, 128);
  EXPECT_EQ(low.bands, 64);
  EXPECT_EQ(low.rows, 2);
  EXPECT_NEAR(CandidateProbability(0.5, p), 0.9963, 1e-4);
  EXPECT_LT(CandidateProbability(0.1, p), 0.05);
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, p), 1.0);
  EXPECT_DOUBLE_EQ(CandidateProbability(0.0, p), 0.0);
}

struct LshCorpus {
  std::vector<std::string> texts;
  std::vector<std::vector<uint32_t>> sets;
  std::vector<std::vector<uint32_t>> signatures;
};

// 1,000 base documents of 60..150 words from a 3,000-word vocabulary and 4
// mutated copies of each (edit rates 0..25 %), so that many pairs fall near
// Jaccard 0.5.
LshCorpus MakeLshCorpus() {
  const std::vector<std::string> vocab = Vocabulary(3000, 11);
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> rate(0.0, 0.25);
  LshCorpus c;
  for (int base = 0; base < 1000; ++base) {
    const std::vector<std::string> words = RandomWords(vocab, 60 + rng() % 91, &rng);
    c.texts.push_back(Join(words));
    for (int copy = 0; copy < 4; ++copy)
      c.texts.push_back(Join(Mutate(words, rate(rng), vocab, &rng)));
  }
  const MinHasher hasher(128);
  for (const std::string& t : c.texts) {
    c.sets.push_back(SetOf(t));
    c.signatures.push_back(hasher.Sign(AllShingles(t)));
  }
  return c;
}

// Every pair with Jaccard >= 0.5, by brute force: exact intersections of
// all pairs that share a shingle (through an inverted index; the others
// have Jaccard 0).
std::set<std::pair<uint32_t, uint32_t>> BruteForcePairs(const LshCorpus& c, double threshold,
                                                        size_t* near_threshold) {
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t d = 0; d < c.sets.size(); ++d) {
    for (uint32_t k : c.sets[d]) postings[k].push_back(d);
  }
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> common;
  for (const auto& [key, docs] : postings) {
    for (size_t i = 0; i < docs.size(); ++i) {
      for (size_t j = i + 1; j < docs.size(); ++j) ++common[{docs[i], docs[j]}];
    }
  }
  std::set<std::pair<uint32_t, uint32_t>> out;
  *near_threshold = 0;
  for (const auto& [pair, n] : common) {
    const double j = static_cast<double>(n) / static_cast<double>(c.sets[pair.first].size() +
                                                                  c.sets[pair.second].size() - n);
    if (j >= threshold) out.insert(pair);
    if (j >= threshold && j < threshold + 0.1) ++*near_threshold;
  }
  return out;
}

TEST(LshTest, RecallAgainstBruteForceOn5000Documents) {
  const LshCorpus c = MakeLshCorpus();
  ASSERT_EQ(c.texts.size(), 5000u);
  size_t near = 0;
  const auto truth = BruteForcePairs(c, 0.5, &near);
  LshIndex index(ChooseLshParams(0.5, 128));
  std::set<std::pair<uint32_t, uint32_t>> candidates;
  std::vector<uint32_t> found;
  for (uint32_t d = 0; d < c.texts.size(); ++d) {
    found.clear();
    index.Query(c.signatures[d], 32, &found);
    for (uint32_t o : found) candidates.insert({o, d});
    index.Add(d, c.signatures[d]);
  }
  size_t hit = 0;
  for (const auto& p : truth) hit += candidates.count(p);
  const double recall = static_cast<double>(hit) / static_cast<double>(truth.size());
  std::printf(
      "LSH 42x3 at 0.5: %zu true pairs (%zu in [0.5, 0.6)), %zu candidates, recall %.4f, "
      "index %.0f bytes/doc\n",
      truth.size(), near, candidates.size(), recall,
      static_cast<double>(index.MemoryBytes()) / c.texts.size());
  EXPECT_GT(truth.size(), 1500u);
  EXPECT_GT(near, 500u);  // Many pairs close to the threshold.
  EXPECT_GE(recall, 0.98);
  EXPECT_LT(candidates.size(), 4 * truth.size());
}

TEST(LshTest, ShardsByBandFindTheSameCandidates) {
  const LshParams params = ChooseLshParams(0.5, 128);
  LshIndex whole(params), first(params, 0, 20), second(params, 20, params.bands);
  const MinHasher hasher(128);
  const std::vector<std::string> vocab = Vocabulary(300, 1);
  std::mt19937 rng(8);
  std::vector<std::vector<uint32_t>> sigs;
  const std::vector<std::string> words = RandomWords(vocab, 100, &rng);
  for (int i = 0; i < 200; ++i) {
    sigs.push_back(hasher.Sign(AllShingles(Join(Mutate(words, 0.1 + 0.002 * i, vocab, &rng)))));
  }
  for (uint32_t i = 0; i < sigs.size(); ++i) {
    std::vector<uint32_t> a, b;
    whole.Query(sigs[i], 1000, &a);
    first.Query(sigs[i], 1000, &b);
    second.Query(sigs[i], 1000, &b);
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    EXPECT_EQ(a, b);
    whole.Add(i, sigs[i]);
    first.Add(i, sigs[i]);
    second.Add(i, sigs[i]);
  }
  std::vector<uint32_t> capped;
  whole.Query(sigs[0], 3, &capped);
  EXPECT_LE(capped.size(), 3u * static_cast<size_t>(params.bands));
}

// ---------------------------------------------------------------------------
// SimHash.

TEST(SimHashTest, NearIdenticalTextsAreClose) {
  const std::vector<std::string> vocab = Vocabulary(2000, 5);
  std::mt19937 rng(17);
  std::vector<std::string> words = RandomWords(vocab, 2000, &rng);
  auto fp = [](const std::string& text) {
    SimHasher s;
    s.Update(AllShingles(text));
    return s.Finish();
  };
  const uint64_t a = fp(Join(words));
  words[1000] = "changed";
  const uint64_t b = fp(Join(words));
  const uint64_t c = fp(Join(RandomWords(vocab, 2000, &rng)));
  EXPECT_EQ(fp(Join(RandomWords(vocab, 0, &rng))), 0u);
  EXPECT_LE(HammingDistance(a, b), 3);
  EXPECT_GT(HammingDistance(a, c), 16);

  SimHashIndex index(3);
  index.Add(1, a);
  index.Add(2, c);
  std::vector<uint32_t> found;
  index.Query(b, 32, &found);
  EXPECT_EQ(found, std::vector<uint32_t>{1});
  found.clear();
  index.Query(a ^ 0xF, 32, &found);  // 4 bits off: beyond the distance.
  EXPECT_TRUE(found.empty());
}

// Near-identical copies (one word changed in 1,500, plus case and
// punctuation) are found and unrelated texts are not. One changed word
// alters 5 of 1,500 shingles, which flips about 1.7 of the 64 bits on
// average, so distance 3 finds most such copies and distance 6 all.
TEST(SimHashTest, FindCopiesWithSimHash) {
  const std::vector<std::string> vocab = Vocabulary(2000, 6);
  std::mt19937 rng(23);
  std::vector<std::string> texts;
  for (int base = 0; base < 20; ++base) {
    std::vector<std::string> words = RandomWords(vocab, 1500, &rng);
    texts.push_back(Join(words));
    words[700] = "altered";
    words[0][0] = static_cast<char>(std::toupper(words[0][0]));
    texts.push_back(Join(words) + "!");
    texts.push_back(Join(RandomWords(vocab, 1500, &rng)));  // Unrelated.
  }
  std::vector<std::vector<size_t>> want;
  for (size_t base = 0; base < 20; ++base) want.push_back({3 * base, 3 * base + 1});
  DedupOptions options;
  options.method = Method::kSimHash;
  DedupStats stats;
  auto groups = FindCopies(Inputs(texts), options, &stats);
  const auto got = Memberships(groups);
  size_t found = 0;
  for (const auto& g : got) found += std::count(want.begin(), want.end(), g);
  std::printf("SimHash distance 3: %zu of 20 one-word edits found\n", found);
  EXPECT_EQ(found, got.size());  // Nothing but true pairs.
  EXPECT_GE(found, 18u);
  EXPECT_EQ(stats.signature_bytes, 8u * texts.size());
  for (const CopyGroup& g : groups) EXPECT_GT(g.members[1].jaccard, 0.98);

  options.simhash_max_distance = 6;
  EXPECT_EQ(Memberships(FindCopies(Inputs(texts), options)), want);
}

// ---------------------------------------------------------------------------
// FindCopies.

struct Story {
  std::vector<std::string> vocab = Vocabulary(4000, 99);
  std::mt19937 rng{77};
  std::string Text(size_t words) { return Join(RandomWords(vocab, words, &rng)); }
};

TEST(FindCopiesTest, ExactDuplicate) {
  Story s;
  const std::string a = s.Text(300), b = s.Text(300);
  std::string a_upper = a;
  std::transform(a_upper.begin(), a_upper.end(), a_upper.begin(),
                 [](char ch) { return std::toupper(ch); });
  const std::vector<std::string> texts = {a, b, "  " + a_upper + "\n"};
  const auto groups = FindCopies(Inputs(texts), DedupOptions{});
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].members.size(), 2u);
  EXPECT_EQ(groups[0].representative, 2u);  // Longest (the spaces count).
  EXPECT_TRUE(groups[0].members[1].exact);
  EXPECT_EQ(groups[0].members[1].index, 0u);
  EXPECT_DOUBLE_EQ(groups[0].members[1].jaccard, 1.0);
}

TEST(FindCopiesTest, NearDuplicateWithAChangedSentence) {
  Story s;
  std::vector<std::string> sentences;
  for (int i = 0; i < 20; ++i) sentences.push_back(s.Text(15));
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& x : v) out += x + " ";
    return out;
  };
  const std::string original = join(sentences);
  sentences[7] = s.Text(18);
  const std::string edited = join(sentences);
  const std::vector<std::string> texts = {s.Text(300), original, s.Text(300), edited};
  const auto groups = FindCopies(Inputs(texts), DedupOptions{});
  ASSERT_EQ(Memberships(groups), (std::vector<std::vector<size_t>>{{1, 3}}));
  const CopyMember& m = groups[0].members[1];
  EXPECT_FALSE(m.exact);
  EXPECT_GT(m.jaccard, 0.8);
  EXPECT_LT(m.jaccard, 1.0);
}

TEST(FindCopiesTest, PartialCopyReportsContainmentBothWays) {
  Story s;
  const std::string a = s.Text(200);
  const std::string b = s.Text(150) + " " + a + " " + s.Text(150);  // A plus 150 % new text.
  const std::vector<std::string> texts = {b, s.Text(250), a};
  std::vector<DedupInput> in = Inputs(texts);
  in[0].published = "2024-05-02T08:00:00Z";
  in[2].published = "2024-05-01";
  const auto sa = SetOf(a), sb = SetOf(b);
  const double jaccard = Overlap(sa, sb).jaccard();
  EXPECT_LT(jaccard, 0.45);  // Below the Jaccard rule: found by containment.
  DedupStats stats;
  const auto groups = FindCopies(in, DedupOptions{}, &stats);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].representative, 2u);  // A, published first.
  ASSERT_EQ(groups[0].members.size(), 2u);
  const CopyMember& m = groups[0].members[1];
  EXPECT_EQ(m.index, 0u);
  EXPECT_DOUBLE_EQ(m.jaccard, jaccard);
  EXPECT_DOUBLE_EQ(m.contains_representative, 1.0);  // All of A is in B...
  EXPECT_NEAR(m.in_representative, 0.4, 0.02);       // ...which is 40 % A.
  EXPECT_EQ(stats.lsh.bands, 64);
  EXPECT_EQ(stats.lsh.rows, 2);
}

TEST(FindCopiesTest, UnrelatedDocumentsAreNotGrouped) {
  Story s;
  std::vector<std::string> texts;
  for (int i = 0; i < 200; ++i) texts.push_back(s.Text(50 + i));
  DedupStats stats;
  EXPECT_TRUE(FindCopies(Inputs(texts), DedupOptions{}, &stats).empty());
  EXPECT_EQ(stats.unique_documents, 200u);
  EXPECT_EQ(stats.copy_pairs, 0u);
}

TEST(FindCopiesTest, RepresentativeIsEarliestThenLongest) {
  Story s;
  const std::string base = s.Text(200);
  const std::vector<std::string> texts = {base + " extra words here", base, base + " more"};
  std::vector<DedupInput> in = Inputs(texts);
  in[0].published = "2024-03-02T09:00:00Z";
  in[1].published = "";                           // Unknown: last.
  in[2].published = "2024-03-02T10:00:00+02:00";  // 08:00 UTC: the earliest.
  auto groups = FindCopies(in, DedupOptions{});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].representative, 2u);
  std::vector<size_t> order;
  for (const CopyMember& m : groups[0].members) order.push_back(m.index);
  EXPECT_EQ(order, (std::vector<size_t>{2, 0, 1}));

  for (DedupInput& d : in) d.published = "";
  groups = FindCopies(in, DedupOptions{});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].representative, 0u);  // The longest.
  for (DedupInput& d : in) d.published = "not a date";
  EXPECT_EQ(FindCopies(in, DedupOptions{})[0].representative, 0u);
}

TEST(FindCopiesTest, ChineseJapaneseAndThaiNearCopies) {
  const std::vector<std::string> texts = {
      std::string(kChineseA),  std::string(kChineseB),   std::string(kJapaneseA),
      std::string(kJapaneseB), std::string(kThaiA),      std::string(kThaiB),
      std::string(kChineseA2), std::string(kJapaneseA2), std::string(kThaiA2)};
  const auto groups = FindCopies(Inputs(texts), DedupOptions{});
  EXPECT_EQ(Memberships(groups), (std::vector<std::vector<size_t>>{{0, 6}, {2, 7}, {4, 8}}));
  for (const CopyGroup& g : groups) {
    SCOPED_TRACE(g.representative);
    EXPECT_GT(g.members[1].jaccard, 0.5);
    EXPECT_LT(g.members[1].jaccard, 0.95);
  }
  EXPECT_LT(Overlap(SetOf(kChineseA), SetOf(kChineseB)).jaccard(), 0.05);
  EXPECT_LT(Overlap(SetOf(kJapaneseA), SetOf(kJapaneseB)).jaccard(), 0.05);
}

TEST(FindCopiesTest, ResultDoesNotDependOnInputOrder) {
  Story s;
  std::vector<std::string> texts;
  std::vector<std::string> published;
  for (int family = 0; family < 12; ++family) {
    const std::vector<std::string> words = RandomWords(s.vocab, 150 + 10 * family, &s.rng);
    texts.push_back(Join(words));
    texts.push_back(Join(Mutate(words, 0.04, s.vocab, &s.rng)));
    texts.push_back(Join(Mutate(words, 0.08, s.vocab, &s.rng)));
    texts.push_back(s.Text(100) + " " + Join(words));  // Partial copy.
    texts.push_back(Join(words));                      // Exact copy.
    texts.push_back(s.Text(200));                      // Unrelated.
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    published.push_back(i % 3 == 0 ? "" : "2024-01-" + std::to_string(10 + i % 17));
  }
  // Describes the groups by original index, members in result order.
  auto describe = [&](const std::vector<size_t>& perm) {
    std::vector<DedupInput> in;
    for (size_t p : perm) in.push_back(DedupInput{texts[p], published[p]});
    std::vector<std::string> out;
    for (const CopyGroup& g : FindCopies(in, DedupOptions{})) {
      std::string d = "rep " + std::to_string(perm[g.representative]) + ":";
      for (const CopyMember& m : g.members) {
        char buf[96];
        std::snprintf(buf, sizeof buf, " %zu/%d/%.4f/%.4f/%.4f", perm[m.index], m.exact, m.jaccard,
                      m.in_representative, m.contains_representative);
        d += buf;
      }
      out.push_back(d);
    }
    return out;
  };
  std::vector<size_t> identity(texts.size());
  for (size_t i = 0; i < identity.size(); ++i) identity[i] = i;
  const auto want = describe(identity);
  EXPECT_EQ(want.size(), 12u);
  std::mt19937 rng(1);
  for (int trial = 0; trial < 3; ++trial) {
    std::vector<size_t> perm = identity;
    std::shuffle(perm.begin(), perm.end(), rng);
    EXPECT_EQ(describe(perm), want);
  }
}

TEST(FindCopiesTest, EmptyAndTinyDocuments) {
  const std::vector<std::string> texts = {"",       "  ",     "",     "...",    "Paris",
                                          "paris.", "London", "word", "one two"};
  DedupStats stats;
  const auto groups = FindCopies(Inputs(texts), DedupOptions{}, &stats);
  // Empty and punctuation-only documents are never copies, not even of each
  // other; one-word documents with the same word are.
  EXPECT_EQ(Memberships(groups), (std::vector<std::vector<size_t>>{{4, 5}}));
  EXPECT_EQ(stats.empty_documents, 4u);
  EXPECT_TRUE(FindCopies({}, DedupOptions{}).empty());
}

TEST(FindCopiesTest, TenThousandIdenticalDocuments) {
  Story s;
  const std::string text = s.Text(150);
  std::vector<DedupInput> in(10000, DedupInput{text, ""});
  in[1234].published = "2023-12-31";
  DedupStats stats;
  const auto groups = FindCopies(in, DedupOptions{}, &stats);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members.size(), 10000u);
  EXPECT_EQ(groups[0].representative, 1234u);
  EXPECT_EQ(stats.unique_documents, 1u);
  EXPECT_EQ(stats.checked_pairs, 0u);
  EXPECT_TRUE(std::all_of(groups[0].members.begin(), groups[0].members.end(),
                          [](const CopyMember& m) { return m.exact; }));
}

TEST(FindCopiesTest, ManyNearIdenticalDocumentsStayBounded) {
  Story s;
  const std::vector<std::string> words = RandomWords(s.vocab, 120, &s.rng);
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) texts.push_back(Join(words) + " n" + std::to_string(i));
  DedupStats stats;
  const auto groups = FindCopies(Inputs(texts), DedupOptions{}, &stats);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].members.size(), 2000u);
  // Capped buckets: far from the 2M pairs of comparing all.
  EXPECT_LT(stats.candidate_pairs, 2000u * 1999u / 2u / 10u);
  EXPECT_LT(stats.checked_pairs, 20000u);
}

TEST(FindCopiesTest, MillionWordDocument) {
  const std::vector<std::string> vocab = Vocabulary(5000, 12);
  std::mt19937 rng(4);
  std::vector<std::string> words = RandomWords(vocab, 1000000, &rng);
  const std::string huge = Join(words);
  words[500000] = "changed";
  const std::string huge2 = Join(words);
  const std::vector<std::string> texts = {huge, "a short text about something else", huge2};
  DedupStats stats;
  const auto groups = FindCopies(Inputs(texts), DedupOptions{}, &stats);
  EXPECT_EQ(Memberships(groups), (std::vector<std::vector<size_t>>{{0, 2}}));
  EXPECT_GT(groups[0].members[1].jaccard, 0.99);
}

TEST(FindCopiesTest, InvalidUtf8DoesNotCrash) {
  std::string junk;
  std::mt19937 rng(9);
  for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(rng()));
  const std::vector<std::string> texts = {
      junk, junk + "\xff", "\xc3", "\xe4\xb8", junk, "valid text \xed\xa0\x80 surrogate"};
  const auto groups = FindCopies(Inputs(texts), DedupOptions{});
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].members.size(), 3u);  // junk twice, and junk + a bad byte (U+FFFD).
}

TEST(NormalizePublishedTest, SortableUtcKeys) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"2024-03-02", "2024-03-02T00:00:00.000Z"},
      {"2024-03-02T10:00:00+02:00", "2024-03-02T08:00:00.000Z"},
      {"2024-03-02 23:30-0130", "2024-03-03T01:00:00.000Z"},
      {"2024-12-31T23:59:59.5-01", "2025-01-01T00:59:59.500Z"},
      {" 2024-02-29T12:00Z ", "2024-02-29T12:00:00.000Z"},
      {"2023-02-29", ""},
      {"March 2, 2024", ""},
      {"2024-03-02T25:00", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(NormalizePublished(c.in), c.want);
  }
}

}  // namespace
}  // namespace rashomon::dedup
