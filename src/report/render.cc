// Markdown and HTML renderings of the report JSON (report.h).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "report/report.h"

namespace rashomon::report {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// Markdown: backslash-escape what could start markup or break a table.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string JoinSources(const json& list) {
  std::string out;
  for (const json& s : list) {
    if (!out.empty()) out += ", ";
    out += s.is_string() ? s.get<std::string>() : s.dump();
  }
  return out;
}

constexpr const char* kStyle = R"css(
:root{--fg:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--accent:#2457c5;--bad:#b3261e;--ok:#1e7a3c}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-top:2px solid var(--line);padding-top:1rem}
h3{font-size:1.05rem;margin-top:1.5rem}
.muted{color:var(--muted);font-size:.9rem}
ol.brief li{margin:.4rem 0}
a.cite{font-size:.8rem;text-decoration:none;color:var(--accent);margin-left:.2rem}
.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;background:#eee}
.badge.conflicting,.badge.bad{background:#fde7e6;color:var(--bad)}
.badge.corroborated{background:#e3f4e8;color:var(--ok)}
.conflict{border:1px solid #f1c0bc;border-radius:.4rem;padding:.6rem;margin:.6rem 0;background:#fff}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem}
.side{background:#fff7f6;padding:.4rem;border-radius:.3rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;display:block;overflow-x:auto}
td,th{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
details{margin:.5rem 0;background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.4rem .6rem}
.doctext{white-space:pre-wrap;font-size:.95rem}
mark{background:#fff3b0}
mark:target{background:#ffb347;outline:2px solid #e67e00}
blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.6rem;border-left:3px solid var(--line)}
)css";

// A document text with the given spans marked (properly nested spans only;
// a span that crosses another is left unmarked). Every byte is escaped.
struct Mark {
  size_t begin, end;
  std::string id;
};

std::string MarkedText(const std::string& text, std::vector<Mark> marks) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  std::vector<size_t> open;  // Ends of the open marks.
  size_t pos = 0;
  auto emit_to = [&](size_t to) {
    while (!open.empty() && open.back() <= to) {
      out += EscapeHtml(std::string_view(text).substr(pos, open.back() - pos));
      pos = open.back();
      out += "</mark>";
      open.pop_back();
    }
    out += EscapeHtml(std::string_view(text).substr(pos, to - pos));
    pos = to;
  };
  std::map<std::string, bool> used_ids;
  for (const Mark& m : marks) {
    if (m.begin >= m.end || m.end > text.size() || m.begin < pos) continue;
    if (!open.empty() && m.end > open.back() && m.begin < open.back()) continue;  // Crosses.
    if (used_ids[m.id]) continue;
    used_ids[m.id] = true;
    emit_to(m.begin);
    out += "<mark id=\"" + EscapeHtml(m.id) + "\">";
    open.push_back(m.end);
  }
  emit_to(text.size());
  return out;
}

std::string Anchor(size_t doc_index, const json& span) {
  return "d" + std::to_string(doc_index) + "-" + std::to_string(span.value("begin", size_t{0})) +
         "-" + std::to_string(span.value("end", size_t{0}));
}

}  // namespace

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderMarkdown(const json& report) {
  std::string md = "# rashomon report\n\n";
  const json& docs = report["documents"];
  const json& stories = report["stories"];
  md += std::to_string(docs.size()) + " documents, " + std::to_string(stories.size()) +
        " stories.\n";
  for (const json& s : stories) {
    md += "\n## Story " + s["id"].dump() + ": " + EscapeMarkdown(Str(s, "title")) + "\n\n";
    md += "Sources (" + std::to_string(s["documents"].size()) +
          "): " + EscapeMarkdown(JoinSources(s["documents"])) + ". Languages: " +
          EscapeMarkdown(JoinSources(s["languages"])) + ".\n\n### Brief\n\n";
    int k = 0;
    for (const json& b : s["brief"]) {
      md += std::to_string(++k) + ". " + EscapeMarkdown(Str(b, "text")) + " *(" +
            EscapeMarkdown(JoinSources(b["documents"])) + ")*\n";
    }
    if (!s["conflicts"].empty()) {
      md += "\n### Conflicts\n\n";
      for (const json& c : s["conflicts"]) {
        md += "- **" + EscapeMarkdown(Str(c, "kind")) + ": " + EscapeMarkdown(Str(c, "about")) +
              "**. " + EscapeMarkdown(Str(c, "explanation")) + "\n";
        for (const json& side : c["sides"]) {
          md += "  - " + EscapeMarkdown(Str(side, "document")) + ": \"" +
                EscapeMarkdown(Str(side, "text")) + "\" (" + EscapeMarkdown(Str(side, "value")) +
                ")\n";
        }
      }
    }
    if (!s["quotes"].empty()) {
      md += "\n### Quotes\n\n";
      for (const json& q : s["quotes"]) {
        md += "- **" + EscapeMarkdown(Str(q, "speaker")) + "**: \"" +
              EscapeMarkdown(Str(q, "text")) + "\" *(" + EscapeMarkdown(JoinSources(q["documents"])) +
              ")*\n";
      }
    }
    if (!s["citations"].empty()) {
      md += "\n### Citations\n\n";
      for (const json& c : s["citations"]) {
        md += "- " + EscapeMarkdown(Str(c, "source_name")) + ", cited by " +
              std::to_string(c["documents"].size()) + ": " +
              EscapeMarkdown(JoinSources(c["documents"])) + "\n";
      }
    }
    md += "\n### Documents\n\n| source | copy of | machine translated | adds | omits | cites |\n"
          "|---|---|---|---|---|---|\n";
    for (const json& n : s["notes"]) {
      md += "| " + EscapeMarkdown(Str(n, "document")) + " | " +
            (n["duplicate_of"].is_string() ? EscapeMarkdown(n["duplicate_of"].get<std::string>())
                                           : std::string()) +
            " | " + (n.value("machine_translated", false) ? "yes" : "") + " | " +
            std::to_string(n["adds"].size()) + " | " + std::to_string(n["omits"].size()) + " | " +
            EscapeMarkdown(JoinSources(n["cites"])) + " |\n";
    }
  }
  return md;
}

std::string RenderHtml(const json& report) {
  const json& docs = report["documents"];
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < docs.size(); ++i) index_of[Str(docs[i], "source")] = i;
  std::vector<std::vector<Mark>> marks(docs.size());
  auto cite = [&](const json& span) -> std::string {
    auto it = index_of.find(Str(span, "document"));
    if (it == index_of.end()) return {};
    const std::string id = Anchor(it->second, span);
    marks[it->second].push_back({span.value("begin", size_t{0}), span.value("end", size_t{0}), id});
    return "<a class=\"cite\" href=\"#" + EscapeHtml(id) + "\">[" + EscapeHtml(Str(span, "document")) +
           "]</a>";
  };

  std::string body;
  body += "<h1>rashomon report</h1><p class=\"muted\">" + std::to_string(docs.size()) +
          " documents, " + std::to_string(report["stories"].size()) + " stories</p>";
  for (const json& s : report["stories"]) {
    body += "<section class=\"story\"><h2>" + EscapeHtml(Str(s, "title")) + "</h2>";
    body += "<p class=\"muted\">Story " + s["id"].dump() + " · " +
            std::to_string(s["documents"].size()) + " sources · " +
            EscapeHtml(JoinSources(s["languages"])) +
            (s["conflicts"].empty() ? std::string()
                                    : " · <span class=\"badge bad\">" +
                                          std::to_string(s["conflicts"].size()) + " conflicts</span>") +
            "</p>";
    body += "<h3>Brief</h3><ol class=\"brief\">";
    for (const json& b : s["brief"]) {
      body += "<li>" + EscapeHtml(Str(b, "text"));
      for (const json& span : b["spans"]) body += cite(span);
      body += "</li>";
    }
    body += "</ol>";
    if (!s["conflicts"].empty()) {
      body += "<h3>Conflicts</h3>";
      for (const json& c : s["conflicts"]) {
        body += "<div class=\"conflict\"><strong>" + EscapeHtml(Str(c, "kind")) + ": " +
                EscapeHtml(Str(c, "about")) + "</strong><p>" + EscapeHtml(Str(c, "explanation")) +
                "</p><div class=\"sides\">";
        for (const json& side : c["sides"]) {
          body += "<div class=\"side\"><strong>" + EscapeHtml(Str(side, "value")) +
                  "</strong><br>“" + EscapeHtml(Str(side, "text")) + "”" + cite(side) + "</div>";
        }
        body += "</div></div>";
      }
    }
    if (!s["quotes"].empty()) {
      body += "<h3>Quotes</h3>";
      for (const json& q : s["quotes"]) {
        body += "<blockquote>“" + EscapeHtml(Str(q, "text")) + "”<br><span class=\"muted\">— " +
                EscapeHtml(Str(q, "speaker")) + " (" + EscapeHtml(JoinSources(q["documents"])) +
                ")</span></blockquote>";
      }
    }
    if (!s["citations"].empty()) {
      body += "<h3>Citations</h3><ul>";
      for (const json& c : s["citations"]) {
        body += "<li>" + EscapeHtml(Str(c, "source_name")) + " <span class=\"muted\">cited by " +
                EscapeHtml(JoinSources(c["documents"])) + "</span></li>";
      }
      body += "</ul>";
    }
    body += "<h3>Claims</h3><table><tr><th>claim</th><th>status</th><th>sources</th></tr>";
    for (const json& c : s["claims"]) {
      if (c.value("sources", 0) < 2 && Str(c, "status") != "conflicting") continue;
      body += "<tr><td>" + EscapeHtml(Str(c, "text")) + "</td><td><span class=\"badge " +
              EscapeHtml(Str(c, "status")) + "\">" + EscapeHtml(Str(c, "status")) +
              "</span></td><td>" + EscapeHtml(JoinSources(c["documents"])) + "</td></tr>";
    }
    body += "</table><h3>Sources</h3><table><tr><th>source</th><th>language</th><th>copy of</th>"
            "<th>translated</th><th>adds</th><th>omits</th><th>cites</th></tr>";
    for (const json& n : s["notes"]) {
      const std::string src = Str(n, "document");
      auto it = index_of.find(src);
      const std::string lang = it == index_of.end() ? std::string() : Str(docs[it->second], "language");
      body += "<tr><td><a href=\"#doc" + std::to_string(it == index_of.end() ? 0 : it->second) +
              "\">" + EscapeHtml(src) + "</a></td><td>" + EscapeHtml(lang) + "</td><td>" +
              (n["duplicate_of"].is_string() ? EscapeHtml(n["duplicate_of"].get<std::string>())
                                             : std::string()) +
              "</td><td>" + (n.value("machine_translated", false) ? "yes" : "") + "</td><td>" +
              std::to_string(n["adds"].size()) + "</td><td>" + std::to_string(n["omits"].size()) +
              "</td><td>" + EscapeHtml(JoinSources(n["cites"])) + "</td></tr>";
    }
    body += "</table></section>";
  }
  body += "<h2>Documents</h2>";
  for (size_t i = 0; i < docs.size(); ++i) {
    const json& d = docs[i];
    body += "<details id=\"doc" + std::to_string(i) + "\" open><summary><strong>" +
            EscapeHtml(Str(d, "source")) + "</strong> " + EscapeHtml(Str(d, "title")) +
            " <span class=\"muted\">" + EscapeHtml(Str(d, "language")) + " · " +
            std::to_string(d["removed"].size()) + " lines removed</span></summary>";
    if (d.contains("text")) {
      body += "<div class=\"doctext\">" + MarkedText(Str(d, "text"), marks[i]) + "</div>";
    }
    body += "</details>";
  }
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">"
         "<title>rashomon report</title><style>" +
         std::string(kStyle) + "</style></head><body><main>" + body + "</main></body></html>\n";
}

}  // namespace rashomon::report
