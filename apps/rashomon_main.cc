// The `rashomon` program: a thin main over cli::RunCli.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return rashomon::cli::RunCli(argc, argv, std::cout, std::cerr);
}
