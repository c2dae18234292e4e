// SniffBinary: known signatures first (they name the format), then NUL
// bytes, which no text in UTF-8 holds.
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace rashomon::ingest {
namespace {

using std::string_view_literals::operator""sv;

struct Signature {
  std::string_view prefix;
  const char* name;
};

// Only signatures that no UTF-8 text starts with, or that are long and
// specific enough not to start a real report.
constexpr Signature kSignatures[] = {
    {"\x89PNG\r\n\x1A\n"sv, "PNG image"},
    {"\xFF\xD8\xFF"sv, "JPEG image"},
    {"GIF87a"sv, "GIF image"},
    {"GIF89a"sv, "GIF image"},
    {"%PDF-"sv, "PDF document"},
    {"PK\x03\x04"sv, "ZIP archive"},
    {"PK\x05\x06"sv, "ZIP archive"},
    {"PK\x07\x08"sv, "ZIP archive"},
    {"\x1F\x8B"sv, "gzip data"},
    {"\x28\xB5\x2F\xFD"sv, "zstd data"},
    {"\xFD"
     "7zXZ\x00"sv,
     "xz data"},
    {"7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"},
    {"Rar!\x1A\x07"sv, "RAR archive"},
    {"\x7F"
     "ELF"sv,
     "ELF executable"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "Microsoft Office document"},
    {"SQLite format 3\x00"sv, "SQLite database"},
    {"OggS\x00"sv, "Ogg media"},
    {"wOFF"sv, "WOFF font"},
    {"wOF2"sv, "WOFF font"},
};

constexpr size_t kNulWindow = 64 << 10;

}  // namespace

std::string SniffBinary(std::string_view bytes) {
  for (const Signature& s : kSignatures) {
    if (bytes.starts_with(s.prefix)) return s.name;
  }
  // bzip2: "BZh", a block size digit, then the block magic (pi in BCD).
  if (bytes.size() >= 10 && bytes.starts_with("BZh") && bytes[3] >= '1' && bytes[3] <= '9' &&
      bytes.substr(4, 6) == "1AY&SY") {
    return "bzip2 data";
  }
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
    return "WebP image";
  }
  if (bytes.substr(0, kNulWindow).find('\0') != std::string_view::npos) return "NUL bytes";
  return "";
}

}  // namespace rashomon::ingest
