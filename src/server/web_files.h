// server/web_files.h: the web page's files, embedded or read from a folder
// (internal to the server module).
//
// The files of web/ are compiled into the binary (embed_web.cmake writes
// them as byte arrays at build time); FindEmbeddedFile looks one up by its
// path relative to web/. For development, ReadWebRootFile reads the same
// names from a folder instead, refusing every path that leaves it.
//
// Thread-safety: everything here is reentrant.
#ifndef RSH_SERVER_WEB_FILES_H_
#define RSH_SERVER_WEB_FILES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace rashomon::server::internal {

struct EmbeddedFile {
  std::string_view name;  // Path relative to web/, "/"-separated: "index.html".
  std::string_view data;  // Its bytes, exactly.
};

// Defined by the generated web_embedded.cc: the files in name order, then
// an entry with an empty name.
extern const EmbeddedFile kEmbeddedWebFiles[];
extern const size_t kEmbeddedWebFileCount;

// The embedded file named `name` (relative to web/), or nullopt. The view
// points into static storage.
std::optional<std::string_view> FindEmbeddedFile(std::string_view name);

// The Content-Type for a file name by its extension (case-insensitive):
// "text/html; charset=utf-8", "text/javascript; charset=utf-8", ...;
// "application/octet-stream" for an unknown one.
std::string_view MimeTypeFor(std::string_view name);

// Whether `name` (a decoded request path without its leading "/") can name
// a file under a web root: not empty, relative, no "." or ".." segment, no
// empty segment, backslash, NUL or other control character.
bool IsSafeRelativePath(std::string_view name);

// Reads `name` (relative, see IsSafeRelativePath) under the folder `root`
// into `*bytes`, at most `max_bytes`. The file's canonical path (symbolic
// links resolved) must lie inside the canonical `root`. Errors:
// kPermissionDenied for an unsafe name or a path that resolves outside
// `root`; kNotFound when there is no such regular file;
// kResourceExhausted over `max_bytes`; kUnavailable when `root` cannot be
// resolved; the other errors of FileSystem::ReadFile.
[[nodiscard]] Status ReadWebRootFile(const std::string& root, std::string_view name,
                                     uint64_t max_bytes, std::string* bytes);

}  // namespace rashomon::server::internal

#endif  // RSH_SERVER_WEB_FILES_H_
