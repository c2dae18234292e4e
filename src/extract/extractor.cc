#include "extract/extractor.h"

#include <optional>
#include <string>
#include <utility>

#include "base/parallel.h"
#include "extract/html_extract.h"
#include "extract/metadata.h"
#include "html/encoding.h"
#include "html/parser.h"

namespace rashomon::extract {
namespace {

// What HTML extraction leaves for the cleaning pass of one document.
struct HtmlState {
  bool html = false;
  std::optional<ExtractError> error;
  std::vector<BlockKind> line_kinds;  // Markup kind of each line of the new `raw` (0-based).
  std::vector<RemovedLine> removed;
  std::string page_language;
};

std::string FormatBytes(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

void ExtractHtmlDocument(const ExtractOptions& options, Document* doc, HtmlState* state) {
  state->html = true;
  if (doc->raw.size() > options.parse.max_bytes) {
    state->error =
        ExtractError{doc->source, "HTML page over the " + FormatBytes(options.parse.max_bytes) +
                                      " budget (" + std::to_string(doc->raw.size()) + " bytes)"};
    return;
  }
  html::DecodedHtml page = html::DecodeHtml(doc->raw, doc->content_type);
  std::string().swap(doc->raw);
  Result<html::Dom> dom = html::ParseHtml(page.utf8, options.parse);
  if (!dom.ok()) {
    state->error = ExtractError{doc->source, std::string(dom.status().message())};
    return;
  }
  std::string().swap(page.utf8);
  doc->charset = page.charset;
  for (std::string& w : page.warnings) doc->warnings.push_back(std::move(w));
  for (const std::string& w : dom->warnings()) doc->warnings.push_back(w);

  PageMetadata meta = ExtractMetadata(*dom, doc->url);
  HtmlArticle article = ExtractMainContent(*dom, meta);
  if (doc->given_title.empty()) doc->given_title = meta.title;
  if (doc->published.empty()) doc->published = meta.published;
  if (doc->authors.empty()) doc->authors = meta.authors;
  if (doc->outlet.empty()) doc->outlet = meta.site;
  if (doc->canonical_url.empty()) doc->canonical_url = meta.canonical_url;
  if (doc->description.empty()) doc->description = meta.description;
  state->page_language = meta.language;

  // One block a line, the title first, for the line cleaner.
  std::string& raw = doc->raw;
  if (!doc->given_title.empty()) {
    raw += doc->given_title;
    raw += '\n';
    state->line_kinds.push_back(BlockKind::kTitle);
  }
  for (const ExtractedBlock& b : article.blocks) {
    raw += b.text;
    raw += '\n';
    state->line_kinds.push_back(b.kind);
  }
  doc->format = DocFormat::kText;
  state->removed = std::move(article.removed);
}

// Markup knows headings, quotes and captions better than line shapes do.
void ApplyMarkupKinds(const HtmlState& state, Document* doc) {
  for (Block& b : doc->blocks) {
    if (b.line <= 0 || static_cast<size_t>(b.line) > state.line_kinds.size()) continue;
    const BlockKind markup = state.line_kinds[b.line - 1];
    // The cleaner guesses kinds from line shapes; the markup knows them.
    // Only the title, datelines ("PARIS —") and slide captions found by
    // the cleaner are kept as it says.
    if (b.kind == BlockKind::kTitle || b.kind == BlockKind::kDateline) continue;
    if (b.kind == BlockKind::kCaption && markup == BlockKind::kBody) continue;
    b.kind = markup;
  }
  for (const RemovedLine& r : state.removed) doc->removed.push_back(r);
  // <html lang> names the page's language unless the text plainly says otherwise.
  if (!state.page_language.empty() && state.page_language != doc->language) {
    if (doc->language == "und" || doc->language_confidence < 0.9) {
      doc->language = state.page_language;
    } else {
      doc->warnings.push_back("page declares language \"" + state.page_language +
                              "\" but the text reads as \"" + doc->language + "\"");
    }
  }
}

}  // namespace

std::vector<ExtractError> ExtractBatch(const ExtractOptions& options, std::vector<Document>* docs) {
  std::vector<HtmlState> states(docs->size());
  ParallelFor(docs->size(), options.clean.threads, [&](size_t i) {
    Document& d = (*docs)[i];
    if (d.format == DocFormat::kHtml) ExtractHtmlDocument(options, &d, &states[i]);
  });
  std::vector<ExtractError> errors;
  std::vector<Document> ok;
  std::vector<HtmlState> ok_states;
  ok.reserve(docs->size());
  for (size_t i = 0; i < docs->size(); ++i) {
    if (states[i].error) {
      errors.push_back(std::move(*states[i].error));
      continue;
    }
    ok.push_back(std::move((*docs)[i]));
    ok_states.push_back(std::move(states[i]));
  }
  *docs = std::move(ok);
  // Text documents and HTML documents are cleaned as two batches: for HTML
  // the markup has already bounded the article, so the positional sweep of
  // page furniture is off.
  std::vector<Document> part[2];
  std::vector<size_t> where[2];
  for (size_t i = 0; i < docs->size(); ++i) {
    const int k = ok_states[i].html ? 1 : 0;
    part[k].push_back(std::move((*docs)[i]));
    where[k].push_back(i);
  }
  CleanBatch(options.clean, &part[0]);
  CleanOptions html_options = options.clean;
  html_options.sweep_page_furniture = false;
  CleanBatch(html_options, &part[1]);
  for (int k = 0; k < 2; ++k) {
    for (size_t j = 0; j < where[k].size(); ++j) (*docs)[where[k][j]] = std::move(part[k][j]);
  }
  for (size_t i = 0; i < docs->size(); ++i) {
    if (ok_states[i].html) ApplyMarkupKinds(ok_states[i], &(*docs)[i]);
  }
  return errors;
}

}  // namespace rashomon::extract
