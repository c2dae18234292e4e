// base/file_system.h: the file access that ingest and the CLI go through.
//
// Analysis modules never touch files; ingest reads through a FileSystem so
// that tests can substitute a fake. RealFileSystem() is the process's disk.
//
//   std::string bytes;
//   Status s = RealFileSystem().ReadFile("a.txt", 1 << 20, &bytes);
//
// Thread-safety: RealFileSystem() is safe to use from several threads.
#ifndef RSH_BASE_FILE_SYSTEM_H_
#define RSH_BASE_FILE_SYSTEM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace rashomon {

enum class FileType { kRegular, kDirectory, kOther };

struct FileInfo {
  FileType type = FileType::kOther;
  uint64_t size = 0;
  // Identity of the file on its device (st_dev, st_ino): the same for every
  // path that reaches it through links. Both 0 when unknown.
  uint64_t device = 0;
  uint64_t inode = 0;
  bool SameFileAs(const FileInfo& other) const {
    return inode != 0 && device == other.device && inode == other.inode;
  }
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Fills `info` for `path`. kNotFound when it does not exist,
  // kPermissionDenied when it cannot be examined.
  [[nodiscard]] virtual Status Stat(const std::string& path, FileInfo* info) const = 0;

  // Reads the whole file into `out`. kResourceExhausted (without reading)
  // when it holds more than `max_bytes`; kNotFound, kPermissionDenied,
  // kFailedPrecondition (a folder) or kDataLoss (read error) otherwise.
  [[nodiscard]] virtual Status ReadFile(const std::string& path, uint64_t max_bytes,
                                        std::string* out) const = 0;

  // Names (not paths) of the entries of folder `path`, sorted bytewise.
  [[nodiscard]] virtual Status ListDir(const std::string& path,
                                       std::vector<std::string>* names) const = 0;
};

// Turns the errno value `err` of a failed call into a Status whose message
// is `what: strerror(err)`: kNotFound (ENOENT, ENOTDIR), kPermissionDenied
// (EACCES, EPERM), kFailedPrecondition (EISDIR), kDataLoss otherwise.
Status ErrnoToStatus(int err, const std::string& what);

// The real file system. The returned object lives for the whole process.
const FileSystem& RealFileSystem();

// Reads standard input into `out`; kResourceExhausted when it holds more
// than `max_bytes` (reading stops there).
[[nodiscard]] Status ReadStdin(uint64_t max_bytes, std::string* out);

// Writes `data` to `path`, replacing it (through a temporary file renamed
// into place, so a reader never sees half a file).
[[nodiscard]] Status WriteFileAtomically(const std::string& path, std::string_view data);

}  // namespace rashomon

#endif  // RSH_BASE_FILE_SYSTEM_H_
