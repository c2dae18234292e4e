// text/tokens.h: word tokens with byte offsets.
//
// A word is a maximal run of letters, decimal digits and combining marks,
// with inner apostrophes (’ or ') and hyphens (-, U+2010, U+2011, soft
// hyphen) joining ("don't", "Varga-Lindqvist"), as do ZWJ and ZWNJ (inside Persian
// and Indic words), and inner '.' or ',' between digits ("1.6", "20,000").
// Everything else separates. Scripts written without spaces (Han, Hiragana,
// Katakana, Thai) give one token per character (with its combining marks)
// here; dictionary segmentation is a later concern. Invalid UTF-8 bytes
// separate.
//
// Thread-safety: pure functions.
#ifndef RSH_TEXT_TOKENS_H_
#define RSH_TEXT_TOKENS_H_

#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::text {

enum class TokenKind { kWord, kNumber };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;  // kNumber when it starts with a digit.
};

// Returns the tokens of `text` in order. REQUIRES: valid UTF-8.
std::vector<Token> Tokenize(std::string_view text);

// The number of tokens Tokenize would return, without building them.
size_t CountWords(std::string_view text);

}  // namespace rashomon::text

#endif  // RSH_TEXT_TOKENS_H_
