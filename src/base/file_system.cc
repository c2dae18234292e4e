#include "base/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rashomon {
namespace {


std::string SizeLimitMessage(uint64_t size, uint64_t limit) {
  return "input holds " + std::to_string(size) + " bytes, over the limit of " +
         std::to_string(limit) + " bytes (raise it with --max-bytes)";
}

class PosixFileSystem final : public FileSystem {
 public:
  Status Stat(const std::string& path, FileInfo* info) const override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return ErrnoToStatus(errno, "cannot open");
    info->size = static_cast<uint64_t>(st.st_size);
    info->device = static_cast<uint64_t>(st.st_dev);
    info->inode = static_cast<uint64_t>(st.st_ino);
    info->type = S_ISREG(st.st_mode)   ? FileType::kRegular
                 : S_ISDIR(st.st_mode) ? FileType::kDirectory
                                       : FileType::kOther;
    return Status::Ok();
  }

  Status ReadFile(const std::string& path, uint64_t max_bytes, std::string* out) const override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoToStatus(errno, "cannot open");
    struct stat st;
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return ErrnoToStatus(err, "cannot examine");
    }
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return FailedPreconditionError("is a folder, not a file");
    }
    if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return ResourceExhaustedError(SizeLimitMessage(st.st_size, max_bytes));
    }
    out->clear();
    if (S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        return ErrnoToStatus(err, "read error");
      }
      if (n == 0) break;
      if (out->size() + static_cast<size_t>(n) > max_bytes) {
        ::close(fd);
        return ResourceExhaustedError(SizeLimitMessage(out->size() + n, max_bytes));
      }
      out->append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return Status::Ok();
  }

  Status ListDir(const std::string& path, std::vector<std::string>* names) const override {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) return ErrnoToStatus(errno, "cannot list folder");
    names->clear();
    while (dirent* e = ::readdir(dir)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      names->push_back(std::move(name));
    }
    ::closedir(dir);
    std::sort(names->begin(), names->end());
    return Status::Ok();
  }
};

}  // namespace

Status ErrnoToStatus(int err, const std::string& what) {
  std::string msg = what + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return NotFoundError(std::move(msg));
    case EACCES:
    case EPERM:
      return PermissionDeniedError(std::move(msg));
    case EISDIR:
      return FailedPreconditionError(std::move(msg));
    default:
      return DataLossError(std::move(msg));
  }
}

const FileSystem& RealFileSystem() {
  static const PosixFileSystem* fs = new PosixFileSystem();
  return *fs;
}

Status ReadStdin(uint64_t max_bytes, std::string* out) {
  out->clear();
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoToStatus(errno, "cannot read standard input");
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > max_bytes) {
      return ResourceExhaustedError(SizeLimitMessage(out->size() + n, max_bytes));
    }
    out->append(buf, static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return ErrnoToStatus(errno, "cannot write " + tmp);
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) return DataLossError("cannot write " + tmp);
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return ErrnoToStatus(errno, "cannot rename to " + path);
  return Status::Ok();
}

}  // namespace rashomon
