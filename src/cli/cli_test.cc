#include "cli/cli.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace rashomon::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome RunArgs(std::vector<std::string> args) {
  args.insert(args.begin(), "rashomon");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

TEST(CliTest, HelpVersionAndUsage) {
  Outcome help = RunArgs({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_NE(help.out.find("clean"), std::string::npos);
  EXPECT_EQ(RunArgs({"--version"}).out, "rashomon 0.1.0\n");
  EXPECT_EQ(RunArgs({}).code, kExitUsage);
  Outcome no_paths = RunArgs({"clean"});
  EXPECT_EQ(no_paths.code, kExitUsage);
  EXPECT_NE(no_paths.err.find("paths is required"), std::string::npos) << no_paths.err;
  EXPECT_EQ(RunArgs({"clean", "--batch", "0", "x"}).code, kExitUsage);
  EXPECT_EQ(RunArgs({"frobnicate"}).code, kExitUsage);
}

TEST(CliTest, CleanReportsRejectedInputsWithExitTwo) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rsh_cli_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string good = (dir / "good.txt").string();
  std::ofstream(good) << "Title Here\n\nA sentence of body text that is long enough.\n";
  std::string missing = (dir / "missing.txt").string();
  Outcome r = RunArgs({"clean", "--json", missing, good});
  EXPECT_EQ(r.code, kExitSomeInputsRejected);
  EXPECT_NE(r.err.find(missing), std::string::npos);
  EXPECT_NE(r.err.find("1 input(s) rejected, 1 document(s) cleaned"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"], good);
  EXPECT_EQ(j["blocks"][1]["text"], "A sentence of body text that is long enough.");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rashomon::cli
