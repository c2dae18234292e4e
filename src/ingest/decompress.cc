#include "ingest/decompress.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "base/file_system.h"

namespace rashomon::ingest::internal {
namespace {

constexpr size_t kChunkBytes = 1 << 18;

class FdByteSource final : public ByteSource {
 public:
  explicit FdByteSource(int fd) : fd_(fd) {}
  ~FdByteSource() override { ::close(fd_); }
  FdByteSource(const FdByteSource&) = delete;
  FdByteSource& operator=(const FdByteSource&) = delete;

  Status Read(char* buffer, size_t capacity, size_t* n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buffer, capacity);
      if (got >= 0) {
        *n = static_cast<size_t>(got);
        return Status::Ok();
      }
      if (errno != EINTR) return ErrnoToStatus(errno, "read error");
    }
  }

 private:
  int fd_;
};

Status OutputLimitError(uint64_t max_output) {
  return ResourceExhaustedError("decompressed data passes the limit of " +
                                std::to_string(max_output) +
                                " bytes; stopped reading (a decompression bomb?)");
}

// Passes `piece` to `sink`, or as much of it as fits under `max_output`
// before returning the error.
Status Emit(std::string_view piece, uint64_t max_output, uint64_t* total,
            const std::function<void(std::string_view)>& sink) {
  if (piece.empty()) return Status::Ok();
  if (piece.size() > max_output - *total) {
    sink(piece.substr(0, max_output - *total));
    *total = max_output;
    return OutputLimitError(max_output);
  }
  *total += piece.size();
  sink(piece);
  return Status::Ok();
}

Status EndsEarlyError() { return DataLossError(std::string(kEndsEarlyMessage)); }

// Owns a z_stream set up for gzip or zlib input (windowBits 15 + 32).
class Inflater {
 public:
  Inflater() { ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&zs_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return zs_; }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

Status CorruptGzip(const z_stream& zs, int ret) {
  std::string what = zs.msg != nullptr    ? zs.msg
                     : ret == Z_NEED_DICT ? "needs a preset dictionary"
                     : ret == Z_MEM_ERROR ? "out of memory"
                                          : "unknown error";
  return DataLossError("corrupt gzip data: " + what);
}

// Inflates gzip members one after the other. A member may span chunks and a
// chunk may hold several members, hence the state kept across chunks.
Status Inflate(ByteSource& source, uint64_t max_output,
               const std::function<void(std::string_view)>& sink, CompressedPosition* position) {
  Inflater inflater;
  if (!inflater.ok()) return InternalError("cannot set up zlib");
  z_stream& zs = inflater.stream();
  std::vector<char> in(kChunkBytes);
  std::vector<char> out(kChunkBytes);
  bool started = false;    // A member has begun.
  bool in_member = false;  // Inside a member not yet ended.
  uint64_t total = 0;
  for (;;) {
    size_t n = 0;
    RSH_RETURN_IF_ERROR(source.Read(in.data(), in.size(), &n));
    if (n == 0) break;
    const uint64_t chunk_start = position->consumed;
    position->consumed += n;
    const char* p = in.data();
    size_t avail = n;
    while (avail > 0) {
      if (!in_member) {
        if (started) {
          while (avail > 0 && *p == '\0') ++p, --avail;  // Padding.
          if (avail == 0) break;
          if (inflateReset(&zs) != Z_OK) return InternalError("cannot reset zlib");
        }
        started = in_member = true;
        position->member_start = chunk_start + static_cast<uint64_t>(p - in.data());
      }
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
      zs.avail_in = static_cast<uInt>(avail);
      int ret = Z_OK;
      do {
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        ret = inflate(&zs, Z_NO_FLUSH);
        // Output decoded before damage was found is delivered, as in
        // earlier calls.
        size_t produced = out.size() - zs.avail_out;
        RSH_RETURN_IF_ERROR(Emit(std::string_view(out.data(), produced), max_output, &total, sink));
        if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
          return CorruptGzip(zs, ret);
        }
        if (ret == Z_BUF_ERROR && produced == 0) break;  // No progress possible.
      } while (ret != Z_STREAM_END && (zs.avail_in > 0 || zs.avail_out == 0));
      p += avail - zs.avail_in;
      avail = zs.avail_in;
      if (ret == Z_STREAM_END) in_member = false;
    }
  }
  if (!started || in_member) return EndsEarlyError();
  return Status::Ok();
}

struct DStreamDeleter {
  void operator()(ZSTD_DStream* ds) const { ZSTD_freeDStream(ds); }
};

// Decompresses zstd frames one after the other; ZSTD_decompressStream moves
// on to the next frame by itself.
Status Unzstd(ByteSource& source, uint64_t max_output,
              const std::function<void(std::string_view)>& sink, CompressedPosition* position) {
  std::unique_ptr<ZSTD_DStream, DStreamDeleter> ds(ZSTD_createDStream());
  if (ds == nullptr || ZSTD_isError(ZSTD_initDStream(ds.get()))) {
    return InternalError("cannot set up zstd");
  }
  std::vector<char> in(std::max(kChunkBytes, ZSTD_DStreamInSize()));
  std::vector<char> out(std::max(kChunkBytes, ZSTD_DStreamOutSize()));
  bool started = false;
  size_t last = 0;  // 0 once a frame is complete and flushed.
  uint64_t total = 0;
  for (;;) {
    size_t n = 0;
    RSH_RETURN_IF_ERROR(source.Read(in.data(), in.size(), &n));
    if (n == 0) break;
    started = true;
    const uint64_t chunk_start = position->consumed;
    position->consumed += n;
    ZSTD_inBuffer input{in.data(), n, 0};
    ZSTD_outBuffer output{out.data(), out.size(), 0};
    do {
      output.pos = 0;
      last = ZSTD_decompressStream(ds.get(), &output, &input);
      if (ZSTD_isError(last)) {
        return DataLossError(std::string("corrupt zstd data: ") + ZSTD_getErrorName(last));
      }
      if (last == 0) position->member_start = chunk_start + input.pos;  // The next frame.
      RSH_RETURN_IF_ERROR(Emit(std::string_view(out.data(), output.pos), max_output, &total, sink));
    } while (input.pos < input.size || output.pos == output.size);
  }
  if (!started || last != 0) return EndsEarlyError();
  return Status::Ok();
}

}  // namespace

Status MemoryByteSource::Read(char* buffer, size_t capacity, size_t* n) {
  *n = std::min(capacity, rest_.size());
  if (*n > 0) std::memcpy(buffer, rest_.data(), *n);
  rest_.remove_prefix(*n);
  return Status::Ok();
}

Result<std::unique_ptr<ByteSource>> OpenFileByteSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoToStatus(errno, "cannot open");
  return std::unique_ptr<ByteSource>(new FdByteSource(fd));
}

Status Decompress(Compression compression, ByteSource& source, uint64_t max_output,
                  const std::function<void(std::string_view)>& sink, CompressedPosition* position) {
  CompressedPosition unused;
  if (position == nullptr) position = &unused;
  *position = CompressedPosition();
  switch (compression) {
    case Compression::kGzip:
      return Inflate(source, max_output, sink, position);
    case Compression::kZstd:
      return Unzstd(source, max_output, sink, position);
  }
  return InternalError("unknown compression");
}

}  // namespace rashomon::ingest::internal
