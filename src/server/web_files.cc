#include "server/web_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/file_system.h"

namespace rashomon::server::internal {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

}  // namespace

std::optional<std::string_view> FindEmbeddedFile(std::string_view name) {
  const EmbeddedFile* end = kEmbeddedWebFiles + kEmbeddedWebFileCount;
  const EmbeddedFile* it =
      std::lower_bound(kEmbeddedWebFiles, end, name,
                       [](const EmbeddedFile& f, std::string_view n) { return f.name < n; });
  if (it == end || it->name != name) return std::nullopt;
  return it->data;
}

std::string_view MimeTypeFor(std::string_view name) {
  static constexpr struct {
    std::string_view ext, type;
  } kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"webmanifest", "application/manifest+json"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/plain; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
  };
  const size_t dot = name.rfind('.');
  const size_t slash = name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  const std::string_view ext = name.substr(dot + 1);
  for (const auto& t : kTypes) {
    if (EqualsIgnoreCase(ext, t.ext)) return t.type;
  }
  return "application/octet-stream";
}

bool IsSafeRelativePath(std::string_view name) {
  if (name.empty() || name.front() == '/') return false;
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return false;
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

Status ReadWebRootFile(const std::string& root, std::string_view name, uint64_t max_bytes,
                       std::string* bytes) {
  namespace fs = std::filesystem;
  if (!IsSafeRelativePath(name)) return PermissionDeniedError("path leaves the web root");
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return UnavailableError("web root " + root + ": " + ec.message());
  const fs::path file = fs::canonical(canonical_root / fs::path(name), ec);
  if (ec) return NotFoundError("no such file");
  // Both paths are canonical, so a prefix test of their components decides
  // whether the file (symbolic links resolved) lies inside the root.
  auto [root_end, unused] =
      std::mismatch(canonical_root.begin(), canonical_root.end(), file.begin(), file.end());
  if (root_end != canonical_root.end()) return PermissionDeniedError("path leaves the web root");
  if (!fs::is_regular_file(file, ec)) return NotFoundError("no such file");
  return RealFileSystem().ReadFile(file.string(), max_bytes, bytes);
}

}  // namespace rashomon::server::internal
