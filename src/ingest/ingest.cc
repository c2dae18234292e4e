#include "ingest/ingest.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "ingest/decompress.h"
#include "ingest/jsonl.h"
#include "ingest/warc.h"

namespace rashomon::ingest {
namespace {

using internal::Compression;
using internal::JsonlReader;
using internal::SizeLimitMessage;
using internal::WarcReader;
using std::string_view_literals::operator""sv;

constexpr const char* kNoReadableFiles =
    "folder holds no readable files (looked for .txt, .text, .jsonl(.gz, .zst), "
    ".html, .htm, .xhtml (.gz), .warc(.gz, .zst))";
// Folders nested deeper are reported, not read: a budget against symbolic
// link loops, which FileInfo cannot reveal.
constexpr size_t kMaxFolderDepth = 32;
// Read size for an uncompressed WARC archive.
constexpr size_t kWarcChunkBytes = 1 << 18;

enum class FileKind {
  kUnknown,  // Read as text unless its bytes look like HTML or WARC.
  kText,
  kJsonl,
  kJsonlGzip,
  kJsonlZstd,
  kHtml,
  kHtmlGzip,
  kWarc,
  kWarcGzip,
  kWarcZstd,
};

bool EndsWithNoCase(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  name.remove_prefix(name.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != suffix[i]) return false;
  }
  return true;
}

FileKind KindOfName(std::string_view name) {
  if (EndsWithNoCase(name, ".jsonl")) return FileKind::kJsonl;
  if (EndsWithNoCase(name, ".jsonl.gz")) return FileKind::kJsonlGzip;
  if (EndsWithNoCase(name, ".jsonl.zst")) return FileKind::kJsonlZstd;
  for (std::string_view html : {".html"sv, ".htm"sv, ".xhtml"sv}) {
    if (EndsWithNoCase(name, html)) return FileKind::kHtml;
    if (EndsWithNoCase(name, std::string(html) + ".gz")) return FileKind::kHtmlGzip;
  }
  if (EndsWithNoCase(name, ".warc")) return FileKind::kWarc;
  if (EndsWithNoCase(name, ".warc.gz")) return FileKind::kWarcGzip;
  if (EndsWithNoCase(name, ".warc.zst")) return FileKind::kWarcZstd;
  // Not .md: corpus folders keep their README.md beside the articles.
  if (EndsWithNoCase(name, ".txt") || EndsWithNoCase(name, ".text")) {
    return FileKind::kText;
  }
  return FileKind::kUnknown;
}

std::string JoinPath(const std::string& folder, const std::string& name) {
  if (!folder.empty() && folder.back() == '/') return folder + name;
  return folder + "/" + name;
}

// The reason shown for a failed Stat, ListDir or ReadFile.
std::string ReasonOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kNotFound:
      return "no such file or folder";
    case StatusCode::kPermissionDenied:
      return "permission denied";
    default:
      return status.message();
  }
}

class Reader {
 public:
  Reader(const IngestOptions& options, const FileSystem* fs,
         const std::function<void(Document)>& on_document,
         const std::function<void(const InputError&)>& on_error)
      : options_(options), fs_(fs), on_error_(on_error), deliver_([this, &on_document](Document d) {
          ++documents_;
          on_document(std::move(d));
        }) {}

  size_t documents() const { return documents_; }

  // Remembers the identities of the files to skip.
  void SetSkipFiles(const std::vector<std::string>& paths) {
    for (const std::string& p : paths) {
      FileInfo info;
      if (fs_->Stat(p, &info).ok() && info.inode != 0) skip_.push_back(info);
    }
  }

  // Reads one path named by the user: `-`, a folder or a file.
  void ReadArgument(const std::string& path) {
    if (path == "-") {
      ReadStdin();
      return;
    }
    FileInfo info;
    Status status = fs_->Stat(path, &info);
    if (!status.ok()) {
      Error(path, ReasonOf(status));
    } else if (info.type == FileType::kDirectory) {
      ReadFolder(path);
    } else {
      ReadFile(path, info, KindOfName(path));
    }
  }

  void ReadStdin() {
    std::string bytes;
    Status status = rashomon::ReadStdin(options_.max_bytes, &bytes);
    if (!status.ok()) {
      Error("stdin", ReasonOf(status));
      return;
    }
    ReadStdinBytes(bytes);
  }

  void ReadStdinBytes(std::string_view bytes) {
    if (bytes.empty()) return Error("stdin", "empty input");
    if (bytes.size() > options_.max_bytes) {
      return Error("stdin", SizeLimitMessage("input", bytes.size(), options_.max_bytes));
    }
    // Before the binary check: WARC records may hold images.
    if (internal::LooksLikeWarc(bytes)) return ReadWarcBytes("stdin", bytes);
    if (std::string kind = SniffBinary(bytes); !kind.empty()) {
      return Error("stdin", "binary input (" + kind + "), not text");
    }
    if (internal::LooksLikeJsonl(bytes)) {
      JsonlReader reader("stdin", options_.max_bytes, deliver_, on_error_);
      reader.Feed(bytes);
      reader.Finish(/*complete=*/true);
      return;
    }
    Document doc;
    doc.source = "stdin:1";
    doc.raw.assign(bytes);
    if (internal::LooksLikeHtml(bytes)) doc.format = DocFormat::kHtml;
    deliver_(std::move(doc));
  }

 private:
  void Error(std::string source, std::string reason) {
    on_error_(InputError{std::move(source), std::move(reason)});
  }

  // Reads the files under `root` depth first, entries in bytewise order,
  // without recursion.
  void ReadFolder(const std::string& root) {
    struct Frame {
      std::string path;
      std::vector<std::string> names;
      size_t next = 0;
    };
    std::vector<Frame> stack(1);
    stack[0].path = root;
    // Folders already walked, by identity: a symbolic link back up the tree
    // (a loop) or to a sibling is walked once.
    std::set<std::pair<uint64_t, uint64_t>> walked;
    if (FileInfo info; fs_->Stat(root, &info).ok() && info.inode != 0) {
      walked.insert({info.device, info.inode});
    }
    if (Status s = fs_->ListDir(root, &stack[0].names); !s.ok()) {
      return Error(root, ReasonOf(s));
    }
    size_t candidates = 0;  // Files with a readable extension.
    size_t problems = 0;    // Entries reported while walking.
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.names.size()) {
        stack.pop_back();
        continue;
      }
      const std::string& name = top.names[top.next++];
      if (name.empty() || name[0] == '.') continue;
      std::string path = JoinPath(top.path, name);
      FileKind kind = KindOfName(name);
      FileInfo info;
      if (Status s = fs_->Stat(path, &info); !s.ok()) {
        // A dangling link with an unknown extension is as skippable as a file.
        if (kind != FileKind::kUnknown) {
          Error(path, ReasonOf(s));
          ++problems;
        }
        continue;
      }
      if (info.type == FileType::kDirectory) {
        if (info.inode != 0 && !walked.insert({info.device, info.inode}).second) continue;
        Frame child;
        child.path = std::move(path);
        if (stack.size() >= kMaxFolderDepth) {
          Error(child.path, "folders nested more than " + std::to_string(kMaxFolderDepth) +
                                " deep (a symbolic link loop?); not read");
          ++problems;
        } else if (Status s = fs_->ListDir(child.path, &child.names); !s.ok()) {
          Error(child.path, ReasonOf(s));
          ++problems;
        } else {
          stack.push_back(std::move(child));  // Invalidates `top` and `name`.
        }
      } else if (info.type == FileType::kRegular && kind != FileKind::kUnknown) {
        ++candidates;
        ReadFile(path, info, kind);
      }
    }
    if (candidates == 0 && problems == 0) Error(root, kNoReadableFiles);
  }

  void ReadFile(const std::string& path, const FileInfo& info, FileKind kind) {
    for (const FileInfo& skip : skip_) {
      if (skip.SameFileAs(info)) return;
    }
    // Checked before reading, so that a huge file costs nothing.
    if (info.type == FileType::kRegular && info.size == 0) return Error(path, "empty file");
    switch (kind) {
      case FileKind::kJsonlGzip:
        return ReadCompressed(path, Compression::kGzip);
      case FileKind::kJsonlZstd:
        return ReadCompressed(path, Compression::kZstd);
      case FileKind::kHtmlGzip:
        return ReadHtmlGzip(path);
      case FileKind::kWarc:
        return ReadWarcFile(path, std::nullopt);
      case FileKind::kWarcGzip:
        return ReadWarcFile(path, Compression::kGzip);
      case FileKind::kWarcZstd:
        return ReadWarcFile(path, Compression::kZstd);
      default:
        break;
    }
    if (info.type == FileType::kRegular && info.size > options_.max_bytes) {
      return Error(path, SizeLimitMessage("input", info.size, options_.max_bytes));
    }
    std::string bytes;
    if (Status s = fs_->ReadFile(path, options_.max_bytes, &bytes); !s.ok()) {
      return Error(path, ReasonOf(s));
    }
    if (bytes.empty()) return Error(path, "empty file");
    if (kind == FileKind::kUnknown) {
      // A file named explicitly: its first bytes decide. Before the binary
      // check, as WARC records may hold images.
      if (internal::LooksLikeWarc(bytes)) return ReadWarcBytes(path, bytes);
      kind = internal::LooksLikeHtml(bytes) ? FileKind::kHtml : FileKind::kText;
    }
    if (kind == FileKind::kHtml) return DeliverHtml(path, std::move(bytes), "");
    if (std::string binary = SniffBinary(bytes); !binary.empty()) {
      return Error(path, "binary file (" + binary + "), not text");
    }
    if (kind == FileKind::kJsonl) {
      JsonlReader reader(path, options_.max_bytes, deliver_, on_error_);
      reader.Feed(bytes);
      reader.Finish(/*complete=*/true);
      if (reader.non_blank_lines() == 0) Error(path, "only blank lines");
      return;
    }
    Document doc;
    doc.source = path;
    doc.raw = std::move(bytes);
    deliver_(std::move(doc));
  }

  // Opens `path` for reading in chunks; on failure reports it and returns
  // null. `*whole` holds the bytes when the FileSystem is not the disk.
  std::unique_ptr<internal::ByteSource> OpenSource(const std::string& path, std::string* whole) {
    if (fs_ == &RealFileSystem()) {
      auto opened = internal::OpenFileByteSource(path);
      if (!opened.ok()) {
        Error(path, ReasonOf(opened.status()));
        return nullptr;
      }
      return std::move(*opened);
    }
    // FileSystem offers no streaming read; the compressed size is bounded
    // by the decompressed limit, as it cannot usefully exceed it much.
    if (Status s = fs_->ReadFile(path, options_.max_decompressed_bytes, whole); !s.ok()) {
      Error(path, ReasonOf(s));
      return nullptr;
    }
    return std::make_unique<internal::MemoryByteSource>(*whole);
  }

  // Delivers one HTML page read from `path`; `note` (" once decompressed"
  // or "") goes into the binary rejection.
  void DeliverHtml(const std::string& path, std::string bytes, std::string_view note) {
    // A UTF-16 page has NUL bytes; its byte order mark says it is text.
    bool utf16 = bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\xFE\xFF"sv);
    if (std::string binary = utf16 ? "" : SniffBinary(bytes); !binary.empty()) {
      return Error(path, "binary file (" + binary + ")" + std::string(note) + ", not HTML");
    }
    Document doc;
    doc.source = path;
    doc.raw = std::move(bytes);
    doc.format = DocFormat::kHtml;
    deliver_(std::move(doc));
  }

  // Reads a gzip-compressed HTML page: it is one document, so it is held
  // whole, up to max_bytes.
  void ReadHtmlGzip(const std::string& path) {
    std::string whole;
    std::unique_ptr<internal::ByteSource> source = OpenSource(path, &whole);
    if (source == nullptr) return;
    uint64_t limit = std::min(options_.max_bytes, options_.max_decompressed_bytes);
    std::string page;
    Status status = internal::Decompress(Compression::kGzip, *source, limit,
                                         [&](std::string_view piece) { page.append(piece); });
    if (!status.ok()) {
      if (status.message() == internal::kEndsEarlyMessage) {
        return Error(path, "gzip stream ends early (truncated); page not read");
      }
      if (status.code() == StatusCode::kResourceExhausted && limit == options_.max_bytes) {
        return Error(path, "page passes the limit of " + std::to_string(limit) +
                               " bytes once decompressed (raise it with --max-bytes)");
      }
      return Error(path, ReasonOf(status));
    }
    if (page.empty()) return Error(path, "empty file once decompressed");
    DeliverHtml(path, std::move(page), " once decompressed");
  }

  // Streams a WARC archive, compressed or not: only one record and one
  // chunk are held.
  void ReadWarcFile(const std::string& path, std::optional<Compression> compression) {
    std::string whole;
    std::unique_ptr<internal::ByteSource> source = OpenSource(path, &whole);
    if (source == nullptr) return;
    WarcReader reader(path, options_.max_bytes, deliver_, on_error_);
    std::string stream_error;
    if (compression.has_value()) {
      internal::CompressedPosition position;
      Status status = internal::Decompress(
          *compression, *source, options_.max_decompressed_bytes,
          [&](std::string_view piece) { reader.Feed(piece); }, &position);
      if (!status.ok()) stream_error = StreamError(status, *compression, position);
    } else {
      std::vector<char> chunk(kWarcChunkBytes);
      for (;;) {
        size_t n = 0;
        if (Status s = source->Read(chunk.data(), chunk.size(), &n); !s.ok()) {
          stream_error = ReasonOf(s);
          break;
        }
        if (n == 0) break;
        reader.Feed(std::string_view(chunk.data(), n));
      }
    }
    reader.Finish(stream_error);
    if (!stream_error.empty() || reader.counts().documents > 0 || reader.counts().rejected > 0) {
      return;
    }
    Error(path, reader.bytes() == 0 ? "empty file once decompressed" : reader.NoDocumentsReason());
  }

  // A WARC archive held in memory (standard input, or a file named
  // explicitly without a WARC extension); `name` names it in sources.
  void ReadWarcBytes(const std::string& name, std::string_view bytes) {
    WarcReader reader(name, options_.max_bytes, deliver_, on_error_);
    reader.Feed(bytes);
    reader.Finish("");
    if (reader.counts().documents == 0 && reader.counts().rejected == 0) {
      Error(name, reader.NoDocumentsReason());
    }
  }

  // Why a compressed WARC stream stopped, with the compressed offset of the
  // damaged member or frame.
  static std::string StreamError(const Status& status, Compression compression,
                                 const internal::CompressedPosition& position) {
    std::string format = compression == Compression::kGzip ? "gzip" : "zstd";
    std::string where =
        std::string(compression == Compression::kGzip ? " in the member" : " in the frame") +
        " at compressed byte " + std::to_string(position.member_start);
    if (status.message() == internal::kEndsEarlyMessage) {
      return format + " stream ends early (truncated)" + where;
    }
    if (status.code() == StatusCode::kDataLoss && status.message().starts_with("corrupt")) {
      return status.message() + where;
    }
    return ReasonOf(status);
  }

  // Streams a compressed JSONL file: only one chunk and one line are held.
  void ReadCompressed(const std::string& path, Compression compression) {
    std::string whole;  // The compressed bytes, for a FileSystem other than the disk.
    std::unique_ptr<internal::ByteSource> source = OpenSource(path, &whole);
    if (source == nullptr) return;
    JsonlReader reader(path, options_.max_bytes, deliver_, on_error_);
    uint64_t total = 0;
    Status status = internal::Decompress(compression, *source, options_.max_decompressed_bytes,
                                         [&](std::string_view piece) {
                                           total += piece.size();
                                           reader.Feed(piece);
                                         });
    reader.Finish(/*complete=*/status.ok());
    if (!status.ok()) {
      Error(path, ReasonOf(status));
    } else if (reader.non_blank_lines() == 0) {
      Error(path, total == 0 ? "empty file once decompressed" : "only blank lines");
    }
  }

  const IngestOptions& options_;
  const FileSystem* fs_;
  const std::function<void(const InputError&)>& on_error_;
  const std::function<void(Document)> deliver_;  // Counts, then calls on_document.
  size_t documents_ = 0;
  std::vector<FileInfo> skip_;
};

}  // namespace

size_t ReadInputs(const std::vector<std::string>& paths, const IngestOptions& options,
                  const FileSystem& fs, const std::function<void(Document)>& on_document,
                  const std::function<void(const InputError&)>& on_error) {
  Reader reader(options, &fs, on_document, on_error);
  reader.SetSkipFiles(options.skip_files);
  for (const std::string& path : paths) reader.ReadArgument(path);
  return reader.documents();
}

size_t ReadStdinBytes(std::string_view bytes, const IngestOptions& options,
                      const std::function<void(Document)>& on_document,
                      const std::function<void(const InputError&)>& on_error) {
  Reader reader(options, &RealFileSystem(), on_document, on_error);
  reader.ReadStdinBytes(bytes);
  return reader.documents();
}

}  // namespace rashomon::ingest
