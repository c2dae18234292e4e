// tests/e2e_util.h: running the `rashomon` binary from end-to-end tests:
// real processes, real files, exit codes and messages as a user sees them.
#ifndef RSH_TESTS_E2E_UTIL_H_
#define RSH_TESTS_E2E_UTIL_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rashomon::testing {

struct Outcome {
  int code = -1;  // Exit code, -1 when killed by a signal.
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fixture with a fresh temporary folder per test, and the binary.
class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rsh_e2e_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `rashomon ARGS` through the shell; `stdin_file` feeds stdin.
  Outcome Rashomon(const std::string& args, const std::string& stdin_file = "/dev/null") {
    const std::filesystem::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = std::string(RSH_BINARY) + " " + args + " <" + stdin_file + " >" +
                            out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadAll(out);
    r.err = ReadAll(err);
    return r;
  }

  // Writes `data` to DIR/name (folders created) and returns its path.
  std::string Write(const std::string& name, const std::string& data) {
    const std::filesystem::path p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  std::filesystem::path dir_;
};

}  // namespace rashomon::testing

#endif  // RSH_TESTS_E2E_UTIL_H_
