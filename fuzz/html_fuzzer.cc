// Fuzz target of the HTML parser: parses the input with html::ParseHtml
// and walks the whole Dom, reading every name, attribute and text. The
// first byte also picks small node and depth budgets now and then, so
// that the budget paths are fuzzed too. Built as a libFuzzer target with
// Clang (fuzz/CMakeLists.txt) and replayed over fuzz/corpus/html by
// html_fuzz_replay under CTest.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rashomon;        // NOLINT: one short function.
  using namespace rashomon::html;  // NOLINT
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  ParseOptions options;
  if (size > 0 && (data[0] & 0x80) != 0) {
    options.max_depth = 1 + data[0] % 8;
    options.max_nodes = 8 + (data[0] & 0x3F);
  }
  Result<Dom> parsed = ParseHtml(html, options);
  if (!parsed.ok()) return 0;
  const Dom& dom = *parsed;
  size_t sum = 0;
  for (NodeId n = dom.root(); n != kNoNode; n = dom.Next(n, dom.root())) {
    sum += dom.text(n).size() + dom.tag_name(n).size();
    for (const Attribute* a = dom.attrs_begin(n); a != dom.attrs_end(n); ++a) {
      sum += dom.pool_view(a->name_offset, a->name_length).size();
      sum += dom.pool_view(a->value_offset, a->value_length).size();
    }
    if (dom.is_element(n)) sum += dom.attr(n, "href").size() + dom.has_attr(n, "class");
  }
  // Every byte of text is reachable from the root exactly once.
  size_t text_bytes = 0;
  for (NodeId n = 0; n < dom.size(); ++n) text_bytes += dom.text(n).size();
  if (dom.InnerText(dom.root()).size() != text_bytes) __builtin_trap();
  return sum == static_cast<size_t>(-1) ? 1 : 0;
}
