// -yy's AF_UNIX socket text and the socket details cache, against what
// strace 7.2 prints.
#include <gtest/gtest.h>

#include <string>

#include "decode/core/socket_details_cache.hpp"
#include "decode/core/unix_diag.hpp"

namespace xtrace::decode {
namespace {

TEST(UnixSocketText, PeerPathAndAbstractName) {
  EXPECT_EQ(unix_socket_text("UNIX-STREAM", 12345, {12346, ""}), "UNIX-STREAM:[12345->12346]");
  EXPECT_EQ(unix_socket_text("UNIX-STREAM", 7, {0, std::string("/run/x.sock\0", 12)}),
            "UNIX-STREAM:[7,\"/run/x.sock\"]");
  EXPECT_EQ(unix_socket_text("UNIX-STREAM", 7, {9, std::string("/run/x.sock\0", 12)}),
            "UNIX-STREAM:[7->9,\"/run/x.sock\"]");
  EXPECT_EQ(unix_socket_text("UNIX", 8, {0, std::string("\0abs", 4)}), "UNIX:[8,@\"abs\"]");
  // Quoted as a C string, up to the first NUL.
  EXPECT_EQ(unix_socket_text("UNIX", 8, {0, std::string("\0a\"b\nc\0d", 8)}),
            "UNIX:[8,@\"a\\\"b\\nc\"]");
}

TEST(UnixSocketText, NothingKnownIsEmpty) {
  EXPECT_EQ(unix_socket_text("UNIX", 8, {0, ""}), "");
}

TEST(SocketDetailsCache, FindsWhatWasStoredUntilTheSlotIsReused) {
  SocketDetailsCache cache;
  EXPECT_EQ(cache.find(5), nullptr);
  cache.store(5, "UNIX:[5->6]");
  ASSERT_NE(cache.find(5), nullptr);
  EXPECT_EQ(*cache.find(5), "UNIX:[5->6]");
  EXPECT_EQ(cache.find(6), nullptr);
  // Same slot (strace's inode % 1024): the newer replaces the older.
  cache.store(5 + SocketDetailsCache::kSlots, "UNIX:[1029]");
  EXPECT_EQ(cache.find(5), nullptr);
  EXPECT_EQ(*cache.find(5 + SocketDetailsCache::kSlots), "UNIX:[1029]");
  EXPECT_EQ(cache.find(0), nullptr);
}

}  // namespace
}  // namespace xtrace::decode
