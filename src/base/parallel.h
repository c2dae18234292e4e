// base/parallel.h: run independent work items on several threads.
//
//   ParallelFor(docs.size(), /*threads=*/2, [&](size_t i) { Clean(docs[i]); });
//
// Items are handed out dynamically (an atomic counter), so uneven items
// balance. `fn` must be safe to call concurrently for distinct indices.
#ifndef RSH_BASE_PARALLEL_H_
#define RSH_BASE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace rashomon {

// Calls `fn(i)` once for every i in [0, n) on up to `threads` threads
// (the calling thread included); returns when all calls have returned.
// `threads` <= 1 runs everything on the calling thread, in order.
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

// The number of hardware threads, at least 1.
int HardwareThreads();

}  // namespace rashomon

#endif  // RSH_BASE_PARALLEL_H_
