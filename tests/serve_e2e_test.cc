// End-to-end tests of `rashomon serve`: the real binary on a free port,
// read through a plain socket, stopped by a signal.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rsh_serve_e2e_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  // Starts `rashomon serve ARGS...` with stdout on a pipe and returns the
  // first line it prints.
  std::string Start(std::vector<std::string> args) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv = {const_cast<char*>(RSH_BINARY), const_cast<char*>("serve")};
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(RSH_BINARY, argv.data());
      std::_Exit(127);
    }
    ::close(fds[1]);
    std::string line;
    char c;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(fds[0]);
    return line;
  }

  // Sends SIGNAL and returns the exit code (-1 when killed by a signal).
  int StopWith(int signal) {
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  fs::path dir_;
  pid_t pid_ = -1;
};

// Sends `request` over a new loopback connection and returns the response.
std::string Exchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return "";
  }
  EXPECT_EQ(::send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  std::string response;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof(buf), 0)) > 0;) response.append(buf, n);
  ::close(fd);
  return response;
}

std::string Get(int port, const std::string& path) {
  return Exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
}

TEST_F(ServeTest, ServesOnLoopbackAndStopsOnSignals) {
  for (int signal : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(signal);
    const std::string line = Start({"--db", (dir_ / "news.db").string(), "--port", "0"});
    const std::string prefix = "listening on http://127.0.0.1:";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    ASSERT_EQ(line.back(), '/') << line;
    const std::string digits = line.substr(prefix.size(), line.size() - prefix.size() - 1);
    ASSERT_TRUE(!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos)
        << line;
    const int port = std::stoi(digits);
    const std::string health = Get(port, "/healthz");
    EXPECT_EQ(health.rfind("HTTP/1.1 200", 0), 0u) << health;
    EXPECT_NE(health.find("\"status\":\"ok\""), std::string::npos) << health;
    const std::string body =
        "{\"url\": \"https://news.example/e2e\", \"text\": \"Pier closed\\n\\nThe old pier "
        "was closed to visitors on Sunday after a storm damaged its railings.\\n\"}";
    const std::string posted =
        Exchange(port,
                 "POST /api/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body);
    // 201 the first time, 200 (stored already) the second.
    EXPECT_TRUE(posted.rfind("HTTP/1.1 201", 0) == 0 || posted.rfind("HTTP/1.1 200", 0) == 0)
        << posted;
    EXPECT_NE(Get(port, "/api/search?q=pier").find("\"document_id\":1"), std::string::npos);
    const std::string page = Get(port, "/");
    EXPECT_EQ(page.rfind("HTTP/1.1 200", 0), 0u);
    EXPECT_NE(page.find("Content-Type: text/html"), std::string::npos);
    EXPECT_EQ(StopWith(signal), 0);
  }
}

TEST_F(ServeTest, UnopenableDatabaseIsNamed) {
  const fs::path bad = dir_ / "notes.db";
  std::ofstream(bad) << std::string(4096, 'x');
  const fs::path err = dir_ / "stderr";
  for (const fs::path& db : {bad, dir_ / "no-such-folder" / "x.db"}) {
    SCOPED_TRACE(db);
    const std::string cmd = std::string(RSH_BINARY) + " serve --port 0 --db " + db.string() +
                            " >/dev/null 2>" + err.string();
    const int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    std::ifstream in(err);
    std::stringstream message;
    message << in.rdbuf();
    EXPECT_NE(message.str().find(db.string()), std::string::npos) << message.str();
  }
}

TEST_F(ServeTest, BadFlagsAreUsageErrors) {
  for (const char* flags : {"--port 70000", "--threads 0", "--max-body 0", "--nope"}) {
    SCOPED_TRACE(flags);
    const std::string cmd = std::string(RSH_BINARY) + " serve --db " + (dir_ / "x.db").string() +
                            " " + flags + " >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
  }
}

}  // namespace
