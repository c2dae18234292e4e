// Tests of the HTML parser, the Dom and the character references.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "html/encoding.h"
#include "html/dom.h"
#include "html/entities.h"
#include "html/parser.h"

namespace rashomon::html {
namespace {

bool IsVoidName(std::string_view name) {
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr"}) {
    if (name == v) return true;
  }
  return false;
}

void AppendOpen(const Dom& dom, NodeId n, std::string* out) {
  if (dom.is_text(n)) {
    *out += "[" + std::string(dom.text(n)) + "]";
    return;
  }
  *out += "<" + std::string(dom.tag_name(n));
  for (const Attribute* a = dom.attrs_begin(n); a != dom.attrs_end(n); ++a) {
    *out += " " + std::string(dom.pool_view(a->name_offset, a->name_length)) + "=\"" +
            std::string(dom.pool_view(a->value_offset, a->value_length)) + "\"";
  }
  *out += ">";
}

void AppendClose(const Dom& dom, NodeId n, std::string* out) {
  if (dom.is_element(n) && !IsVoidName(dom.tag_name(n))) {
    *out += "</" + std::string(dom.tag_name(n)) + ">";
  }
}

// Compact test serialization of the children of `scope`, without
// recursion: <div class="a">[text]<br></div>. Void elements get no end tag.
std::string Serialize(const Dom& dom, NodeId scope) {
  std::string out;
  NodeId n = dom.first_child(scope);
  while (n != kNoNode) {
    AppendOpen(dom, n, &out);
    if (dom.first_child(n) != kNoNode) {
      n = dom.first_child(n);
      continue;
    }
    for (;;) {
      AppendClose(dom, n, &out);
      if (dom.next_sibling(n) != kNoNode) {
        n = dom.next_sibling(n);
        break;
      }
      n = dom.parent(n);
      if (n == scope) {
        n = kNoNode;
        break;
      }
    }
  }
  return out;
}

NodeId FindFirst(const Dom& dom, Tag tag) {
  for (NodeId n = dom.root(); n != kNoNode; n = dom.Next(n, dom.root())) {
    if (dom.is_element(n) && dom.tag(n) == tag) return n;
  }
  return kNoNode;
}

// Checks that the links of every node agree and every view is in the pool.
void ExpectConsistent(const Dom& dom) {
  ASSERT_GE(dom.size(), 1u);
  EXPECT_EQ(dom.type(dom.root()), NodeType::kDocument);
  size_t pool_end = 0;
  for (NodeId n = 0; n < dom.size(); ++n) {
    const Node& node = dom.node(n);
    if (n != dom.root()) {
      ASSERT_LT(node.parent, dom.size());
      ASSERT_LT(node.parent, n);  // Parents come first in document order.
    }
    NodeId prev = kNoNode;
    for (NodeId c = node.first_child; c != kNoNode; c = dom.next_sibling(c)) {
      ASSERT_LT(c, dom.size());
      ASSERT_EQ(dom.parent(c), n);
      ASSERT_EQ(dom.prev_sibling(c), prev);
      prev = c;
    }
    ASSERT_EQ(node.last_child, prev);
    if (node.type == NodeType::kText) {
      EXPECT_EQ(node.first_child, kNoNode);
      EXPECT_GT(node.text_length, 0u);
      pool_end = std::max<size_t>(pool_end, node.text_offset + node.text_length);
      EXPECT_EQ(dom.text(n).size(), node.text_length);
    }
    if (node.type == NodeType::kElement) {
      EXPECT_FALSE(dom.tag_name(n).empty());
      for (const Attribute* a = dom.attrs_begin(n); a != dom.attrs_end(n); ++a) {
        EXPECT_EQ(dom.pool_view(a->name_offset, a->name_length).size(), a->name_length);
        EXPECT_EQ(dom.pool_view(a->value_offset, a->value_length).size(), a->value_length);
      }
    }
  }
}

Dom MustParse(std::string_view html, const ParseOptions& options = ParseOptions()) {
  Result<Dom> dom = ParseHtml(html, options);
  EXPECT_TRUE(dom.ok()) << dom.status().ToString();
  if (!dom.ok()) return Dom();
  ExpectConsistent(*dom);
  return std::move(dom).value();
}

// The serialized children of <body>.
std::string Body(std::string_view html) {
  Dom dom = MustParse(html);
  NodeId body = FindFirst(dom, Tag::kBody);
  return body == kNoNode ? "(no body)" : Serialize(dom, body);
}

// The serialized document.
std::string Doc(std::string_view html) {
  Dom dom = MustParse(html);
  return Serialize(dom, dom.root());
}

struct Case {
  const char* in;
  const char* want;
};

void CheckBody(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Body(c.in), c.want);
  }
}

TEST(ParserTest, ImpliedEndTags) {
  CheckBody({
      {"<p>a<p>b", "<p>[a]</p><p>[b]</p>"},
      {"<p>a<div>b</div>c", "<p>[a]</p><div>[b]</div>[c]"},
      {"<p>a<span>b<p>c", "<p>[a]<span>[b]</span></p><p>[c]</p>"},
      {"<p>a<table><tr><td>b</table>", "<p>[a]</p><table><tr><td>[b]</td></tr></table>"},
      {"<p>a<h2>b</h2>", "<p>[a]</p><h2>[b]</h2>"},
      {"<button><p>a<div>b", "<button><p>[a]</p><div>[b]</div></button>"},
      {"<ul><li>a<li>b</ul>", "<ul><li>[a]</li><li>[b]</li></ul>"},
      {"<ul><li>a<ul><li>b</ul><li>c</ul>",
       "<ul><li>[a]<ul><li>[b]</li></ul></li><li>[c]</li></ul>"},
      {"<ol><li><div>a<li>b</ol>", "<ol><li><div>[a]</div></li><li>[b]</li></ol>"},
      {"<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>[a]</dt><dd>[b]</dd><dt>[c]</dt></dl>"},
      {"<table><tr><td>1<td>2<tr><th>3</table>",
       "<table><tr><td>[1]</td><td>[2]</td></tr><tr><th>[3]</th></tr></table>"},
      {"<table><tbody><tr><td>1<tbody><tr><td>2</table>",
       "<table><tbody><tr><td>[1]</td></tr></tbody><tbody><tr><td>[2]</td></tr></tbody>"
       "</table>"},
      {"<table><tr><td><table><tr><td>a</table>b<td>c</table>",
       "<table><tr><td><table><tr><td>[a]</td></tr></table>[b]</td><td>[c]</td></tr></table>"},
      {"<table><tr><td><div>x</td><td>y</table>z",
       "<table><tr><td><div>[x]</div></td><td>[y]</td></tr></table>[z]"},
      {"<select><option>a<option>b</select>",
       "<select><option>[a]</option><option>[b]</option></select>"},
      {"<select><optgroup><option>a<optgroup><option>b</select>",
       "<select><optgroup><option>[a]</option></optgroup><optgroup><option>[b]</option>"
       "</optgroup></select>"},
      {"<h1>a<h2>b", "<h1>[a]</h1><h2>[b]</h2>"},
      {"<h1>a</h2>b", "<h1>[a]</h1>[b]"},
      {"<body></p>x", "<p></p>[x]"},
      {"<a href=1>x<a href=2>y", "<a href=\"1\">[x]</a><a href=\"2\">[y]</a>"},
      {"<div><span>a</div>b", "<div><span>[a]</span></div>[b]"},
      {"<div><table><tr><td>x</div>y</table>", "<div><table><tr><td>[xy]</td></tr></table></div>"},
      {"<ul><li>a</ul>b", "<ul><li>[a]</li></ul>[b]"},
  });
}

TEST(ParserTest, VoidAndSelfClosingElements) {
  CheckBody({
      {"a<br>b<img src=x.png>c<hr>d", "[a]<br>[b]<img src=\"x.png\">[c]<hr>[d]"},
      {"<br/>x<div/>y", "<br>[x]<div>[y]</div>"},
      {"<p>a<hr>b", "<p>[a]</p><hr>[b]"},
      {"<input type=text>x</input>y", "<input type=\"text\">[xy]"},
      {"x</br>y", "[x]<br>[y]"},
      {"<area><col><param><track><wbr><embed><source>x",
       "<area><col><param><track><wbr><embed><source>[x]"},
      {"<svg><circle r=\"1\"/><path/></svg>x",
       "<svg><circle r=\"1\"></circle><path></path></svg>[x]"},
      {"<svg><circle r=1/></svg>x", "<svg><circle r=\"1/\"></circle></svg>[x]"},
  });
}

TEST(ParserTest, ForeignContent) {
  CheckBody({
      {"<svg><g><p>x</svg>", "<svg><g></g></svg><p>[x]</p>"},
      {"<svg><foreignObject><div/>x</div></foreignObject></svg>",
       "<svg><foreignobject><div>[x]</div></foreignobject></svg>"},
      {"<math><mi><b/>x</mi></math>", "<math><mi><b>[x]</b></mi></math>"},
      {"<svg><title>T &amp; U</title><style>.a{}</style></svg>",
       "<svg><title>[T & U]</title><style></style></svg>"},
      {"<svg><![CDATA[x<y]]></svg>", "<svg>[x<y]</svg>"},
      {"<svg>a<![CDATA[&amp;]]>b<![CDATA[c</svg>", "<svg>[a&amp;bc</svg>]</svg>"},
  });
}

TEST(ParserTest, Attributes) {
  CheckBody({
      {"<div id=a CLASS=\"b c\" data-x='y' hidden>",
       "<div id=\"a\" class=\"b c\" data-x=\"y\" hidden=\"\"></div>"},
      {"<p id=a id=b ID=c>", "<p id=\"a\"></p>"},
      {"<DIV Class=X></div>", "<div class=\"X\"></div>"},
      {"<a href=\"?a=1&amp;b=2&copy=3&lt=4&gt;\">", "<a href=\"?a=1&b=2&copy=3&lt=4>\"></a>"},
      {"<p title=\"a &lt b &amp c\">", "<p title=\"a < b & c\"></p>"},
      {"<p a= >", "<p a=\"\"></p>"},
      {"<p =x>", "<p =x=\"\"></p>"},
      {"<p a=\"x\"b='y'>", "<p a=\"x\" b=\"y\"></p>"},
      {"<p a = \"x\" >", "<p a=\"x\"></p>"},
      {"<p a=x/>", "<p a=\"x/\"></p>"},
      {"<p a/b>", "<p a=\"\" b=\"\"></p>"},
      {"<p a=\"1>2\">x", "<p a=\"1>2\">[x]</p>"},
      {"<p a=\"x", ""},  // Unterminated value: the tag runs to the end and is dropped.
      {"<p a='<b>'>", "<p a=\"<b>\"></p>"},
  });
  std::string nul("<p a=\"x\0y\">", 11);
  EXPECT_EQ(Body(nul), "<p a=\"x\xEF\xBF\xBDy\"></p>");
}

TEST(ParserTest, CharacterReferencesInText) {
  CheckBody({
      {"&amp;&lt;&gt;&quot;&apos;", "[&<>\"']"},
      {"&amp &copy x", "[& \xC2\xA9 x]"},
      {"&amp;copy;", "[&copy;]"},
      {"&#65;&#x42;&#X43;&#0068", "[ABCD]"},
      {"&#128;&#x9F;&#x81;", "[\xE2\x82\xAC\xC5\xB8\xC2\x81]"},
      {"&#0;&#xD800;&#x110000;&#99999999999;",
       "[\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD]"},
      {"&#;&#x;&;& x&", "[&#;&#x;&;& x&]"},
      {"&notit; &notin;", "[\xC2\xACit; \xE2\x88\x89]"},
      {"&nosuch; &ampx", "[&nosuch; &x]"},
      {"&NotEqualTilde;", "[\xE2\x89\x82\xCC\xB8]"},
      {"&#x1F600;", "[\xF0\x9F\x98\x80]"},
      {"&CounterClockwiseContourIntegral;", "[\xE2\x88\xB3]"},
      {"&nbsp&nbsp;", "[\xC2\xA0\xC2\xA0]"},
      {"a&amp", "[a&]"},
  });
}

TEST(EntitiesTest, TableAndLookup) {
  EXPECT_EQ(internal::NamedRefCount(), 2231u);
  EXPECT_EQ(internal::LookupNamedRef("amp;"), "&");
  EXPECT_EQ(internal::LookupNamedRef("amp"), "&");
  EXPECT_EQ(internal::LookupNamedRef("AElig;"), "\xC3\x86");
  EXPECT_EQ(internal::LookupNamedRef("zwnj;"), "\xE2\x80\x8C");
  EXPECT_EQ(internal::LookupNamedRef("notin"), "");  // notin has no legacy form.
  EXPECT_EQ(internal::LookupNamedRef("Amp;"), "");
  std::string out;
  EXPECT_EQ(internal::DecodeCharRef("&amp;x", false, &out), 5u);
  EXPECT_EQ(internal::DecodeCharRef("&copy=1", true, &out), 0u);
  EXPECT_EQ(internal::DecodeCharRef("&copy=1", false, &out), 5u);
  EXPECT_EQ(internal::DecodeCharRef("&copy;=1", true, &out), 6u);
  EXPECT_EQ(internal::DecodeCharRef("&#x41", false, &out), 5u);
  EXPECT_EQ(internal::DecodeCharRef("&", false, &out), 0u);
  EXPECT_EQ(out,
            "&\xC2\xA9\xC2\xA9"
            "A");
  out.clear();
  internal::AppendDecoded("caf&eacute; &amp tea &", false, &out);
  EXPECT_EQ(out, "caf\xC3\xA9 & tea &");
}

TEST(ParserTest, RawTextElements) {
  CheckBody({
      {"<body><script>if (a<b) x='</scrip'</script>y", "<script></script>[y]"},
      {"<body><script>x</SCRIPT >y", "<script></script>[y]"},
      {"<body><script>x</script\ty", "<script></script>"},  // The end tag runs to the end.
      {"<body><script>document.write('<p>')</script/>z", "<script></script>[z]"},
      {"<body><script type=\"application/ld+json\">{\"a\":\"<b>&amp;\"}</script>",
       "<script type=\"application/ld+json\">[{\"a\":\"<b>&amp;\"}]</script>"},
      {"<body><script type=\" Application/LD+JSON \">{}</script>",
       "<script type=\" Application/LD+JSON \">[{}]</script>"},
      {"<body><script type=\"text/javascript\">{}</script>",
       "<script type=\"text/javascript\"></script>"},
      {"<body><style>p{}</style>x", "<style></style>[x]"},
      {"<textarea>\n&lt;x&gt;</textarea>", "<textarea>[<x>]</textarea>"},
      {"<body><noscript><img src=a></noscript>", "<noscript>[<img src=a>]</noscript>"},
      {"<xmp>&amp;<b></xmp>", "<xmp>[&amp;<b>]</xmp>"},
      {"<iframe><p>x</iframe>y", "<iframe>[<p>x]</iframe>[y]"},
      {"<plaintext></p>x", "<plaintext>[</p>x]</plaintext>"},
      {"<body><script>unterminated", "<script></script>"},
      {"<textarea>unterminated &amp;", "<textarea>[unterminated &]</textarea>"},
      {"<pre>\nx</pre>", "<pre>[x]</pre>"},
      {"<pre>\n\nx</pre>", "<pre>[\nx]</pre>"},
  });
  EXPECT_EQ(Doc("<title>A &amp; B <b>c</b></title>"),
            "<html><head><title>[A & B <b>c</b>]</title></head><body></body></html>");
  EXPECT_EQ(Doc("<title>unterminated"),
            "<html><head><title>[unterminated]</title></head><body></body></html>");
}

TEST(ParserTest, CommentsDoctypeCdataDropped) {
  CheckBody({
      {"a<!-- c -->b", "[ab]"},
      {"a<!---->b", "[ab]"},
      {"a<!-->b", "[ab]"},
      {"a<!--->b", "[ab]"},
      {"a<!-- x --!>b", "[ab]"},
      {"a<!-- x -- y > -->b", "[ab]"},
      {"a<!-- <p>x</p> -->b", "[ab]"},
      {"<!DOCTYPE html>x", "[x]"},
      {"a<![CDATA[x]]>b", "[ab]"},
      {"a<?xml version=\"1.0\"?>b", "[ab]"},
      {"a</ x>b", "[ab]"},
      {"a</>b", "[ab]"},
      {"a<!x>b", "[ab]"},
      {"a<!-- unterminated <p>", "[a]"},
  });
}

TEST(ParserTest, StrayAndUnknownTags) {
  CheckBody({
      {"</div>x</span>", "[x]"},
      {"<b>x</i>y", "<b>[xy]</b>"},
      {"<my-widget Foo=1>x</MY-WIDGET>y", "<my-widget foo=\"1\">[x]</my-widget>[y]"},
      {"<x-a><x-b>1</x-a>2", "<x-a><x-b>[1]</x-b></x-a>[2]"},
      {"<x-a>1</x-b>2", "<x-a>[12]</x-a>"},
      {"<td>x", "<td>[x]</td>"},
      {"a < b <3 c<", "[a < b <3 c<]"},
      {"a</", "[a</]"},
      {"a<d", "[a]"},  // A tag cut by the end of input is dropped.
      {"a<d e=", "[a]"},
  });
  Dom dom = MustParse("<my-widget>x</my-widget>");
  NodeId n = FindFirst(dom, Tag::kOther);
  ASSERT_NE(n, kNoNode);
  EXPECT_EQ(dom.tag_name(n), "my-widget");
}

TEST(ParserTest, HeadAndBodyImplied) {
  constexpr Case kCases[] = {
      {"", "<html><head></head><body></body></html>"},
      {"x", "<html><head></head><body>[x]</body></html>"},
      {" \n <p>x", "<html><head></head><body><p>[x]</p></body></html>"},
      {"<title>t</title><p>x",
       "<html><head><title>[t]</title></head><body><p>[x]</p></body></html>"},
      {"<meta charset=utf-8><div>x</div><link rel=a>",
       "<html><head><meta charset=\"utf-8\"></head><body><div>[x]</div><link rel=\"a\">"
       "</body></html>"},
      {"<html><head></head><script></script><body>",
       "<html><head><script></script></head><body></body></html>"},
      {"<head><p>x", "<html><head></head><body><p>[x]</p></body></html>"},
      {"<body class=a><body id=b class=c>",
       "<html><head></head><body class=\"a\" id=\"b\"></body></html>"},
      {"<html lang=en><html dir=rtl lang=de>",
       "<html lang=\"en\" dir=\"rtl\"><head></head><body></body></html>"},
      {"<!DOCTYPE html>\n<html>\n<head>\n<title>T</title>\n</head>\n<body>\n<p>x</p>\n</body>\n"
       "</html>\n",
       "<html><head><title>[T]</title></head><body>[\n]<p>[x]</p>[\n\n\n]</body></html>"},
      {"<p>a</body></html>b", "<html><head></head><body><p>[ab]</p></body></html>"},
      {"<noscript>n</noscript><style>s</style>x",
       "<html><head><noscript>[n]</noscript><style></style></head><body>[x]</body></html>"},
      {"</br>", "<html><head></head><body><br></body></html>"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Doc(c.in), c.want);
  }
}

TEST(ParserTest, WhitespaceKeptAndTextMerged) {
  CheckBody({
      {"<p> a  b </p>\n<p>c</p>", "<p>[ a  b ]</p>[\n]<p>[c]</p>"},
      {"a<!--x-->b</span>c", "[abc]"},
      {"a&amp;b<!---->&lt;c", "[a&b<c]"},
      {"<body>\t\r\n", "[\t\r\n]"},
  });
  std::string nul("a\0b", 3);  // NUL in text is dropped, as in HTML5.
  EXPECT_EQ(Body(nul), "[ab]");
  // Text merged around a second <body> whose attributes went to the pool.
  EXPECT_EQ(Body("a<body class=x>b"), "[ab]");
}

TEST(ParserTest, SourceOffsets) {
  Dom dom = MustParse("<p>ab<b>c</b></p>");
  NodeId p = FindFirst(dom, Tag::kP);
  NodeId b = FindFirst(dom, Tag::kB);
  ASSERT_NE(p, kNoNode);
  ASSERT_NE(b, kNoNode);
  EXPECT_EQ(dom.node(p).source_offset, 0u);
  EXPECT_EQ(dom.node(dom.first_child(p)).source_offset, 3u);
  EXPECT_EQ(dom.node(b).source_offset, 5u);
  EXPECT_EQ(dom.node(dom.first_child(b)).source_offset, 8u);
}

TEST(DomTest, NextWalksInDocumentOrder) {
  Dom dom = MustParse("<div><p>a</p><p>b<i>c</i></p></div><span>d</span>");
  NodeId body = FindFirst(dom, Tag::kBody);
  std::string order;
  for (NodeId n = body; n != kNoNode; n = dom.Next(n, body)) {
    order += dom.is_text(n) ? std::string(dom.text(n)) : std::string(dom.tag_name(n));
    order += ",";
  }
  EXPECT_EQ(order, "body,div,p,a,p,b,i,c,span,d,");
  // Skipping the children of the first <p>.
  order.clear();
  for (NodeId n = body; n != kNoNode;) {
    order += dom.is_text(n) ? std::string(dom.text(n)) : std::string(dom.tag_name(n));
    order += ",";
    n = dom.Next(n, body, /*skip_children=*/dom.tag(n) == Tag::kP);
  }
  EXPECT_EQ(order, "body,div,p,p,span,d,");
  // A walk scoped to the div ends after its subtree.
  NodeId div = FindFirst(dom, Tag::kDiv);
  size_t count = 0;
  for (NodeId n = div; n != kNoNode; n = dom.Next(n, div)) ++count;
  EXPECT_EQ(count, 7u);
  EXPECT_EQ(dom.Next(div, div, /*skip_children=*/true), kNoNode);
  EXPECT_EQ(dom.InnerText(div), "abc");
  EXPECT_EQ(dom.InnerText(body), "abcd");
  EXPECT_EQ(dom.InnerText(dom.first_child(FindFirst(dom, Tag::kSpan))), "d");
}

TEST(DomTest, AttributesAndNames) {
  Dom dom = MustParse("<input disabled value=\"\" name=q>t");
  NodeId input = FindFirst(dom, Tag::kInput);
  ASSERT_NE(input, kNoNode);
  EXPECT_TRUE(dom.has_attr(input, "disabled"));
  EXPECT_TRUE(dom.has_attr(input, "value"));
  EXPECT_FALSE(dom.has_attr(input, "type"));
  EXPECT_EQ(dom.attr(input, "name"), "q");
  EXPECT_EQ(dom.attr(input, "value"), "");
  EXPECT_EQ(dom.attr(input, "type"), "");
  EXPECT_EQ(dom.attrs_end(input) - dom.attrs_begin(input), 3);
  EXPECT_EQ(dom.tag_name(input), "input");
  NodeId text = dom.next_sibling(input);
  ASSERT_NE(text, kNoNode);
  EXPECT_EQ(dom.tag_name(text), "");
  EXPECT_EQ(dom.text(text), "t");
  EXPECT_EQ(dom.text(input), "");
  EXPECT_FALSE(dom.has_attr(text, "x"));
  EXPECT_EQ(dom.tag_name(dom.root()), "");
  Dom empty;
  EXPECT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty.Next(empty.root(), empty.root()), kNoNode);
}

TEST(DomTest, LookupTagMatchesTagName) {
  for (int i = 1; i < static_cast<int>(Tag::kCount); ++i) {
    Tag tag = static_cast<Tag>(i);
    SCOPED_TRACE(std::string(TagName(tag)));
    EXPECT_EQ(LookupTag(TagName(tag)), tag);
  }
  EXPECT_EQ(TagName(Tag::kOther), "");
  EXPECT_EQ(TagName(Tag::kBlockquote), "blockquote");
  EXPECT_EQ(LookupTag(""), Tag::kOther);
  EXPECT_EQ(LookupTag("DIV"), Tag::kOther);
  EXPECT_EQ(LookupTag("blockquotes"), Tag::kOther);
  EXPECT_EQ(LookupTag(std::string_view("a\0", 2)), Tag::kOther);
  // The hashed lookup against a linear scan, on random names.
  std::mt19937 rng(7);
  const std::string letters = "abcdehilmnoprstuvw123";
  for (int round = 0; round < 20000; ++round) {
    std::string name(1 + rng() % 10, 'a');
    for (char& c : name) c = letters[rng() % letters.size()];
    Tag want = Tag::kOther;
    for (int i = 1; i < static_cast<int>(Tag::kCount); ++i) {
      if (TagName(static_cast<Tag>(i)) == name) want = static_cast<Tag>(i);
    }
    ASSERT_EQ(LookupTag(name), want) << name;
  }
}

TEST(BudgetTest, ByteBudget) {
  ParseOptions options;
  options.max_bytes = 10;
  Result<Dom> dom = ParseHtml("<p>01234567", options);
  ASSERT_FALSE(dom.ok());
  EXPECT_EQ(dom.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(dom.status().message(), "HTML page of 11 bytes is over the 10-byte budget");
  EXPECT_TRUE(ParseHtml("<p>0123456", options).ok());
}

TEST(BudgetTest, NodeBudget) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<p>x";
  ParseOptions options;
  options.max_nodes = 50;
  Dom dom = MustParse(html, options);
  EXPECT_TRUE(dom.truncated());
  EXPECT_LE(dom.size(), 50u + 3);  // html, head and body are always there.
  ASSERT_EQ(dom.warnings().size(), 1u);
  EXPECT_EQ(dom.warnings()[0], "node budget of 50 reached: the rest of the page was not parsed");
  NodeId body = FindFirst(dom, Tag::kBody);
  ASSERT_NE(body, kNoNode);
  EXPECT_EQ(dom.InnerText(body), std::string(23, 'x'));
  EXPECT_FALSE(MustParse("<p>x").truncated());
}

TEST(BudgetTest, HundredThousandNestedDivs) {
  constexpr int kDepth = 100000;
  std::string html;
  html.reserve(kDepth * 12);
  for (int i = 0; i < kDepth; ++i) html += "<div>x";
  for (int i = 0; i < kDepth; ++i) html += "</div>y";
  Dom dom = MustParse(html);
  EXPECT_FALSE(dom.truncated());
  EXPECT_EQ(dom.max_depth_seen(), 512);
  ASSERT_EQ(dom.warnings().size(), 1u);
  EXPECT_EQ(dom.warnings()[0], "depth budget of 512 reached: deeper elements flattened");
  NodeId body = FindFirst(dom, Tag::kBody);
  std::string text = dom.InnerText(body);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'x'), kDepth);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'y'), kDepth);
  // Every element is there, none deeper than the budget.
  size_t divs = 0;
  int deepest = 0;
  for (NodeId n = body; n != kNoNode; n = dom.Next(n, body)) {
    if (dom.tag(n) != Tag::kDiv) continue;
    ++divs;
    int depth = 0;
    for (NodeId p = n; p != dom.root(); p = dom.parent(p)) ++depth;
    deepest = std::max(deepest, depth);
  }
  EXPECT_EQ(divs, static_cast<size_t>(kDepth));
  // The stack holds html, body and 510 divs; deeper divs are children of
  // the 510th, one level down.
  EXPECT_EQ(deepest, 512 + 1);
}

TEST(BudgetTest, HostileStackSearchesStayFast) {
  // Each </span> would search 500 open elements in vain (the span is
  // beyond a table cell); past the search budget searches get short.
  std::string html = "<span><table><tr><td>";
  for (int i = 0; i < 520; ++i) html += "<div>";
  for (int i = 0; i < 300000; ++i) html += "</span>z";
  Dom dom = MustParse(html);
  ASSERT_EQ(dom.warnings().size(), 2u);
  EXPECT_EQ(dom.warnings()[1],
            "stack search budget spent: end tags and implied end tags look only 16 elements deep");
  std::string text = dom.InnerText(dom.root());
  EXPECT_EQ(text, std::string(300000, 'z'));
  // Many attributes with distinct names: all kept up to the limit, fast.
  std::string tag = "<p";
  for (int i = 0; i < 128; ++i) tag += " a" + std::to_string(i);
  tag += ">";
  std::string many;
  for (int i = 0; i < 2000; ++i) many += tag;
  Dom attrs = MustParse(many);
  NodeId p = FindFirst(attrs, Tag::kP);
  EXPECT_EQ(attrs.attrs_end(p) - attrs.attrs_begin(p), 128);
  EXPECT_EQ(attrs.attr(p, "a127"), "");
  EXPECT_TRUE(attrs.has_attr(p, "a127"));
  EXPECT_TRUE(attrs.warnings().empty());
}

TEST(BudgetTest, SmallDepthBudget) {
  ParseOptions options;
  options.max_depth = 4;  // html, body, and two more.
  Dom dom = MustParse("<div><p><b><i>x</i>y</b>z</p>w</div>v", options);
  NodeId body = FindFirst(dom, Tag::kBody);
  EXPECT_EQ(Serialize(dom, body), "<div><p><b></b><i></i>[xyz]</p>[w]</div>[v]");
  EXPECT_EQ(dom.max_depth_seen(), 4);
  EXPECT_EQ(dom.warnings().size(), 1u);
}

// A small page with most constructs, for the prefix and mutation tests.
constexpr std::string_view kSamplePage =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Sample &amp; page</title><script>var s = '<div>' + a<b;</script>"
    "<style>p { color: red }</style><script type=\"application/ld+json\">"
    "{\"@type\": \"NewsArticle\"}</script></head><body class=\"article\">"
    "<!-- header --><header><nav><ul><li><a href=\"/\">Home</a><li><a href=\"/x?a=1&b=2\">X"
    "</a></ul></nav></header><article><h1>Title &mdash; here</h1>"
    "<p>First <b>bold <i>both</b> italic</i> para&nbsp;graph.<p>Second &#8220;quoted&#x201D;"
    "<table><tr><th>h<td>1<tr><td>2</table><pre>\n code &lt;x&gt;</pre>"
    "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><![CDATA[z]]></svg>"
    "<textarea>t &amp; u</textarea><select><option>o1<option>o2</select>"
    "<img src=\"a.png\" alt='A \"q\"'><br/></article><footer>&copy 2024</footer>"
    "</body></html>";

TEST(RobustnessTest, EveryPrefixOfASamplePage) {
  Dom full = MustParse(kSamplePage);
  EXPECT_EQ(full.attr(FindFirst(full, Tag::kHtml), "lang"), "en");
  EXPECT_NE(full.InnerText(FindFirst(full, Tag::kBody)).find("Second \xE2\x80\x9Cquoted"),
            std::string::npos);
  const size_t home_end = kSamplePage.find("Home") + 4;
  for (size_t n = 0; n <= kSamplePage.size(); ++n) {
    SCOPED_TRACE(n);
    Dom dom = MustParse(kSamplePage.substr(0, n));
    // document -> html -> head, body, whatever was cut.
    NodeId html = dom.first_child(dom.root());
    ASSERT_NE(html, kNoNode);
    EXPECT_EQ(dom.next_sibling(html), kNoNode);
    ASSERT_EQ(dom.tag(html), Tag::kHtml);
    NodeId head = dom.first_child(html);
    ASSERT_NE(head, kNoNode);
    EXPECT_EQ(dom.tag(head), Tag::kHead);
    NodeId body = dom.next_sibling(head);
    ASSERT_NE(body, kNoNode);
    EXPECT_EQ(dom.tag(body), Tag::kBody);
    EXPECT_EQ(dom.last_child(html), body);
    EXPECT_FALSE(dom.truncated());
    if (n >= home_end) {
      EXPECT_NE(dom.InnerText(body).find("Home"), std::string::npos);
    }
  }
}

TEST(RobustnessTest, RandomBuffers) {
  std::mt19937 rng(20240601);
  const std::string alphabet = "<>&/=\"'!-?abcdiprstvx;# \n";
  size_t total_nodes = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string buf(rng() % 4097, '\0');
    for (char& c : buf) {
      uint32_t r = rng();
      c = (r & 1) ? alphabet[(r >> 1) % alphabet.size()] : static_cast<char>(r >> 8);
    }
    Result<Dom> dom = ParseHtml(buf, ParseOptions());
    ASSERT_TRUE(dom.ok());
    ExpectConsistent(*dom);
    total_nodes += dom->size();
    for (NodeId n = dom->root(); n != kNoNode; n = dom->Next(n, dom->root())) {
      (void)dom->tag_name(n);
    }
  }
  EXPECT_GT(total_nodes, 2000u * 4);
}

TEST(RobustnessTest, MutatedSamplePage) {
  std::mt19937 rng(99);
  for (int round = 0; round < 1000; ++round) {
    std::string page(kSamplePage);
    for (int k = 0; k < 8; ++k) {
      size_t at = rng() % page.size();
      switch (rng() % 3) {
        case 0:
          page[at] = static_cast<char>(rng());
          break;
        case 1:
          page.erase(at, rng() % 16);
          break;
        default:
          page.insert(at, page.substr(rng() % page.size(), rng() % 32));
          break;
      }
    }
    Result<Dom> dom = ParseHtml(page, ParseOptions());
    ASSERT_TRUE(dom.ok());
    ExpectConsistent(*dom);
  }
}

TEST(RobustnessTest, BinaryGarbageAndHostileShapes) {
  std::string all_bytes;
  for (int i = 0; i < 4; ++i) {
    for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  }
  std::vector<std::string> inputs = {
      all_bytes,
      std::string(100000, '<'),
      std::string(100000, '&'),
      "<" + std::string(100000, 'a'),
      "<p " + std::string(100000, 'a'),
      "<script>" + std::string(100000, '<'),
      "<!--" + std::string(100000, '-'),
      "<title>" + std::string(50000, '&') + "#x",
      "\xFF\xFE<\xC3(p\xED\xA0\x80>\xF4\x90\x80\x80",
      std::string("<p\0 a\0=\0>\0x\0", 12),
  };
  std::string many_attrs = "<p";
  for (int i = 0; i < 20000; ++i) many_attrs += " a" + std::to_string(i % 300);
  inputs.push_back(many_attrs + ">x");
  std::string tables;
  for (int i = 0; i < 5000; ++i) tables += "<table><tr><td><span>";
  for (int i = 0; i < 5000; ++i) tables += "</b></i></td></tr>";
  inputs.push_back(tables);
  for (const std::string& in : inputs) {
    SCOPED_TRACE(in.substr(0, 40));
    Dom dom = MustParse(in);
    EXPECT_FALSE(dom.truncated());
  }
  Dom attrs = MustParse(many_attrs + ">x");
  NodeId p = FindFirst(attrs, Tag::kP);
  EXPECT_EQ(attrs.attrs_end(p) - attrs.attrs_begin(p), 128);
  ASSERT_EQ(attrs.warnings().size(), 1u);
}


using std::string_view_literals::operator""sv;

// Re-encodes the UTF-8 `s` as windows-1251: ASCII stays, Russian letters
// U+0410..U+044F become 0xC0..0xFF, ё and Ё become 0xB8 and 0xA8. A
// reference independent of ICU.
std::string ToCp1251(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      continue;
    }
    EXPECT_TRUE((b & 0xE0) == 0xC0 && i + 1 < s.size()) << "not a 2-byte character";
    char32_t cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3Fu);
    if (cp == 0x401 || cp == 0x451) {
      out += static_cast<char>(cp == 0x401 ? 0xA8 : 0xB8);
    } else {
      EXPECT_TRUE(cp >= 0x410 && cp <= 0x44F);
      out += static_cast<char>(0xC0 + (cp - 0x410));
    }
  }
  return out;
}

constexpr std::string_view kRussian =
    "Правительство России в понедельник утвердило новый бюджет на следующий "
    "год. Министр финансов заявил, что расходы на образование и "
    "здравоохранение вырастут, а дефицит сократится в течение трёх лет.";

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) +
         "<title>News</title></head><body><article><p>" + std::string(body) + "</p><p>" +
         std::string(body) + "</p></article></body></html>";
}

// "charset/source" for a compact comparison.
std::string Summary(const DecodedHtml& d) { return d.charset + "/" + d.source; }

std::string Warnings(const DecodedHtml& d) {
  std::string out;
  for (const std::string& w : d.warnings) out += "[" + w + "]";
  return out;
}

TEST(CharsetFromContentTypeTest, FindsTheParameter) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"text/html; charset=UTF-8", "UTF-8"},
      {"text/html;charset=\"windows-1251\"", "windows-1251"},
      {"text/html; format=flowed; CharSet = koi8-r ; x=y", "koi8-r"},
      {"text/html; charset='iso-8859-2'", "iso-8859-2"},
      {"text/html", ""},
      {"text/html; charset=", ""},
      {"text/html; charsets=utf-8", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(CharsetFromContentType(c.in), c.want);
  }
}

TEST(PrescanMetaCharsetTest, FollowsTheHtml5Prescan) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"<meta charset=\"utf-8\">", "utf-8"},
      {"<html><head><META CHARSET=Windows-1251></head>", "Windows-1251"},  // As written.
      {"<meta charset='koi8-r'/>", "koi8-r"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
       "windows-1251"},
      {"<meta content='text/html; charset=\"iso-8859-2\"' http-equiv=content-type>", "iso-8859-2"},
      // A content attribute without the pragma declares nothing.
      {"<meta content=\"text/html; charset=koi8-r\">", ""},
      {"<meta name=description content=\"charset=koi8-r\"><meta charset=utf-8>", "utf-8"},
      // Comments, other tags and their attribute values are skipped.
      {"<!-- <meta charset=koi8-r> --><meta charset=utf-8>", "utf-8"},
      {"<!--><meta charset=gbk>", "gbk"},
      {"<div title='<meta charset=koi8-r>'><meta charset=big5>", "big5"},
      {"<!doctype html><?xml x?></p ><meta charset=euc-kr>", "euc-kr"},
      {"<metadata charset=koi8-r>", ""},
      // An unknown label is returned only when no later one is known.
      {"<meta charset=klingon><meta charset=utf-8>", "utf-8"},
      {"<meta charset=klingon>", "klingon"},
      {"<meta charset=\"unterminated>", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(PrescanMetaCharset(c.in), c.want);
  }
  std::string late = std::string(5000, ' ') + "<meta charset=koi8-r>";
  EXPECT_EQ(PrescanMetaCharset(late), "");
  std::string early = std::string(3000, ' ') + "<meta charset=koi8-r>";
  EXPECT_EQ(PrescanMetaCharset(early), "koi8-r");
}

TEST(DecodeHtmlTest, ByteOrderMarksWin) {
  DecodedHtml d = DecodeHtml("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "text/html; charset=koi8-r");
  EXPECT_EQ(Summary(d), "UTF-8/bom");
  EXPECT_EQ(d.utf8, "<p>café</p>");
  d = DecodeHtml("\xFF\xFE<\0p\0>\0\xE9\0"sv, "");
  EXPECT_EQ(Summary(d), "UTF-16LE/bom");
  EXPECT_EQ(d.utf8, "<p>é");
  d = DecodeHtml("\xFE\xFF\0<\0p\0>\x04\x1F"sv, "");
  EXPECT_EQ(Summary(d), "UTF-16BE/bom");
  EXPECT_EQ(d.utf8, "<p>П");
}

TEST(DecodeHtmlTest, HttpThenMeta) {
  std::string page = Page("<meta charset=windows-1251>", ToCp1251(kRussian));
  std::string want = Page("<meta charset=windows-1251>", kRussian);
  DecodedHtml d = DecodeHtml(page, "text/html; charset=cp1251");
  EXPECT_EQ(Summary(d), "windows-1251/http");
  EXPECT_EQ(d.utf8, want);
  EXPECT_EQ(Warnings(d), "");
  d = DecodeHtml(page, "text/html");
  EXPECT_EQ(Summary(d), "windows-1251/meta");
  EXPECT_EQ(d.utf8, want);
  std::string pragma =
      Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
           ToCp1251(kRussian));
  EXPECT_EQ(Summary(DecodeHtml(pragma, "")), "windows-1251/meta");
  // The HTTP header wins over <meta>, with a warning.
  d = DecodeHtml(Page("<meta charset=koi8-r>", ToCp1251(kRussian)), "text/html; charset=cp1251");
  EXPECT_EQ(Summary(d), "windows-1251/http");
  EXPECT_EQ(Warnings(d),
            "[HTTP declares windows-1251 but <meta> declares KOI8-R; the HTTP "
            "header wins]");
}

TEST(DecodeHtmlTest, DeclaredUtf8ButWindows1251IsDetected) {
  std::string page = Page("<meta charset=\"utf-8\">", ToCp1251(kRussian));
  for (std::string_view content_type : {"text/html; charset=UTF-8", ""}) {
    SCOPED_TRACE(content_type);
    DecodedHtml d = DecodeHtml(page, content_type);
    EXPECT_EQ(Summary(d), "windows-1251/detected");
    EXPECT_EQ(d.utf8, Page("<meta charset=\"utf-8\">", kRussian));
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].rfind("declared UTF-8 but the bytes are not; detected windows-1251 "
                                  "(confidence ",
                                  0),
              0u)
        << d.warnings[0];
  }
}

TEST(DecodeHtmlTest, ValidUtf8IsUtf8WhateverIsDeclared) {
  std::string page = Page("<meta charset=windows-1251>", kRussian);
  DecodedHtml d = DecodeHtml(page, "");
  EXPECT_EQ(Summary(d), "UTF-8/utf8-valid");
  EXPECT_EQ(d.utf8, page);
  EXPECT_EQ(Warnings(d),
            "[declared windows-1251 (meta) but the bytes are valid UTF-8; read as "
            "UTF-8]");
  d = DecodeHtml(page, "text/html; charset=utf-8");
  EXPECT_EQ(Summary(d), "UTF-8/http");
  EXPECT_EQ(Warnings(d),
            "[HTTP declares UTF-8 but <meta> declares windows-1251; the HTTP header "
            "wins]");
  d = DecodeHtml(Page("", kRussian), "");
  EXPECT_EQ(Summary(d), "UTF-8/utf8-valid");
  // A UTF-8 page cut off inside a character is still UTF-8.
  std::string cut = Page("<meta charset=utf-8>", kRussian) + "\xD0";
  d = DecodeHtml(cut, "");
  EXPECT_EQ(Summary(d), "UTF-8/meta");
  EXPECT_EQ(d.utf8, Page("<meta charset=utf-8>", kRussian) + "\xEF\xBF\xBD");
  EXPECT_EQ(Warnings(d), "[1 invalid UTF-8 bytes replaced with U+FFFD]");
}

TEST(DecodeHtmlTest, UnknownOrMissingDeclarations) {
  std::string body = ToCp1251(kRussian);
  DecodedHtml d = DecodeHtml(Page("<meta charset=klingon>", body), "");
  EXPECT_EQ(Summary(d), "windows-1251/detected");
  EXPECT_EQ(d.utf8, Page("<meta charset=klingon>", kRussian));
  ASSERT_EQ(d.warnings.size(), 2u);
  EXPECT_EQ(d.warnings[0], "unknown charset \"klingon\" in <meta>");
  EXPECT_EQ(d.warnings[1].rfind("no usable charset declared; detected windows-1251", 0), 0u);
  d = DecodeHtml(Page("", body), "text/html; charset=x-nonsense");
  EXPECT_EQ(Summary(d), "windows-1251/detected");
  EXPECT_EQ(d.warnings[0], "unknown charset \"x-nonsense\" in the HTTP Content-Type");
  // Nothing declared, nothing but ASCII.
  d = DecodeHtml("<p>Plain ASCII news.</p>", "");
  EXPECT_EQ(Summary(d), "windows-1252/default");
  EXPECT_EQ(d.utf8, "<p>Plain ASCII news.</p>");
  EXPECT_EQ(Warnings(d), "");
  d = DecodeHtml("<meta charset=utf-8><p>ASCII</p>", "");
  EXPECT_EQ(Summary(d), "UTF-8/meta");
  // Latin-1 is read as windows-1252: 0x80 is the euro sign.
  d = DecodeHtml("<meta charset=iso-8859-1><p>5 \x80</p>", "");
  EXPECT_EQ(Summary(d), "windows-1252/meta");
  EXPECT_EQ(d.utf8, "<meta charset=iso-8859-1><p>5 €</p>");
  // <meta> naming UTF-16 in an ASCII-compatible page means UTF-8.
  d = DecodeHtml("<meta charset=utf-16><p>caf\xC3\xA9</p>", "");
  EXPECT_EQ(Summary(d), "UTF-8/meta");
  EXPECT_EQ(DecodeHtml("", "").utf8, "");
}

TEST(DecodeHtmlTest, AlwaysGivesValidUtf8) {
  std::mt19937 rng(3);
  const char* kTypes[] = {"", "text/html; charset=utf-8", "text/html; charset=shift_jis",
                          "text/html; charset=utf-16le", "text/html; charset=bogus"};
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 400, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 3 == 0 ? rng() : 'a' + rng() % 26);
    if (round % 3 == 0) bytes = "<meta charset=utf-8>" + bytes;
    DecodedHtml d = DecodeHtml(bytes, kTypes[round % 5]);
    EXPECT_FALSE(d.charset.empty());
    EXPECT_FALSE(d.source.empty());
    // Valid UTF-8: re-decoding gives the same bytes with no warning.
    DecodedHtml again = DecodeHtml(d.utf8, "text/html; charset=utf-8");
    EXPECT_EQ(again.utf8, d.utf8);
    EXPECT_EQ(Warnings(again), "");
  }
}

}  // namespace
}  // namespace rashomon::html
