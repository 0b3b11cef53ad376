// -k on C++: the frames of a method and a template name them demangled.
#include <unistd.h>

namespace shapes {

volatile int after_calls;

template <typename T>
__attribute__((noinline)) void emit(T n) {
  char c = static_cast<char>('0' + n);
  write(1, &c, 1);
  after_calls = after_calls + 1;
}

struct Widget {
  __attribute__((noinline)) void draw(int n) {
    emit<int>(n);
    after_calls = after_calls + 1;
  }
};

}  // namespace shapes

int main() {
  shapes::Widget w;
  w.draw(7);
  shapes::after_calls = shapes::after_calls + 1;
  return 0;
}
