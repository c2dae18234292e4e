// ingest/decompress.h: internal to ingest. Streams gzip and zstd data.
//
// A ByteSource yields the compressed bytes in chunks (from a file or from
// memory); Decompress inflates them chunk by chunk and hands each piece of
// output to a sink, so a large file is never held whole once decompressed.
// Line splitting and JSON parsing live in ingest/jsonl.h.
//
//   auto source = OpenFileByteSource("a.jsonl.zst");
//   Status s = Decompress(Compression::kZstd, **source, 1 << 30,
//                         [&](std::string_view piece) { lines.Feed(piece); });
//
// Thread-safety: distinct objects may be used from distinct threads.
#ifndef RSH_INGEST_DECOMPRESS_H_
#define RSH_INGEST_DECOMPRESS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/status.h"

namespace rashomon::ingest::internal {

// A stream of bytes read in chunks.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer` and sets `*n` to the number
  // read; `*n` is 0 only at the end of the stream. Returns kDataLoss (or
  // another code) on a read error.
  [[nodiscard]] virtual Status Read(char* buffer, size_t capacity, size_t* n) = 0;
};

// Reads from `bytes`, which must outlive the source.
class MemoryByteSource final : public ByteSource {
 public:
  explicit MemoryByteSource(std::string_view bytes) : rest_(bytes) {}
  [[nodiscard]] Status Read(char* buffer, size_t capacity, size_t* n) override;

 private:
  std::string_view rest_;
};

// Opens `path` on the real disk for reading in chunks. kNotFound,
// kPermissionDenied or kDataLoss when it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileByteSource(const std::string& path);

enum class Compression { kGzip, kZstd };

// The message of the kDataLoss Status Decompress returns when the input
// stops inside a member or frame.
inline constexpr std::string_view kEndsEarlyMessage = "compressed data ends early";

// Where Decompress stood in the compressed input when it returned, for
// error messages that name an offset.
struct CompressedPosition {
  uint64_t consumed = 0;  // Compressed bytes read from the source.
  // Offset of the last gzip member or zstd frame begun: the damaged or cut
  // one when Decompress fails.
  uint64_t member_start = 0;
};

// Decompresses all of `source` (gzip members or zstd frames, one after the
// other) and calls `sink` with each piece of output, in order; the views
// are valid only during the call. Returns:
//   kDataLoss "compressed data ends early" when the input stops inside a
//     member or frame (or is empty);
//   kDataLoss "corrupt gzip data: <zlib message>" or
//     "corrupt zstd data: <zstd message>" on damaged input;
//   kResourceExhausted when the output would pass `max_output` bytes
//     (reading stops after the first `max_output` bytes went to `sink`);
//   the source's Status on a read error.
// Output delivered before an error stays delivered. Zero bytes between
// gzip members (padding) are ignored. When `position` is not null it is
// set before returning.
[[nodiscard]] Status Decompress(Compression compression, ByteSource& source, uint64_t max_output,
                                const std::function<void(std::string_view)>& sink,
                                CompressedPosition* position = nullptr);

}  // namespace rashomon::ingest::internal

#endif  // RSH_INGEST_DECOMPRESS_H_
