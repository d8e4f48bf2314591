import CMalloc

/// Keeps freed heap memory in the process instead of handing it back to the kernel after every
/// large free. The log is read in pages (projectors, audits, `border bench`): each page's libpq
/// result and events are freed before the next page is read, and glibc's defaults then return
/// the memory and fault it in again, page by page and zeroed, for the next one. Measured
/// reading 100,000 events in pages of 20,000: a quarter of the reading process's CPU went to those
/// page faults. The cost is that up to the thresholds below stays reserved after a large read.
enum HeapRetention {
    /// Call first thing, before any thread allocates much.
    static func apply() {
        // Freed memory at the top of the heap is kept up to 256 MB.
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        // Blocks up to 32 MB (glibc's largest setting) come from the heap too, so they are reused.
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    }
}
